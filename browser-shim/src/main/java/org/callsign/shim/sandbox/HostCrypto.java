package org.callsign.shim.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The host side of the realm's {@code crypto.subtle} subset (W3C WebCrypto): SHA digests, and import, sign
 * and verify for ECDSA P-256 with SHA-256 (ES256, IEEE P1363 signatures as WebCrypto uses) and Ed25519.
 * Keys stay on the host; the realm holds an opaque handle. One instance per realm, keeping the
 * {@link #MAX_KEYS} most recently used keys (a reused realm may import a key on every call).
 */
final class HostCrypto {
    static final int MAX_KEYS = 64;
    static final int MAX_DATA_BYTES = 64 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> DIGESTS =
            Map.of("SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private record HostKey(Key key, String algorithm, String type) {}

    /** Keys by handle, least recently used first; the oldest leaves when a realm imports more than {@link #MAX_KEYS}. */
    private final LinkedHashMap<Integer, HostKey> keys = new LinkedHashMap<>(16, 0.75f, true);

    private int nextHandle;

    String randomBytes(int count) {
        if (count < 0 || count > 65536) {
            throw new SandboxFault("getRandomValues: more than 65536 bytes");
        }
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    String digest(String algorithm, String dataB64) {
        String name = DIGESTS.get(algorithm.toUpperCase(java.util.Locale.ROOT));
        if (name == null) {
            throw new SandboxFault("digest: unsupported algorithm " + bounded(algorithm));
        }
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance(name).digest(data(dataB64)));
        } catch (GeneralSecurityException e) {
            throw new SandboxFault("digest failed");
        }
    }

    /** Returns JSON {@code {"handle":n,"type":…,"algorithm":{…},"usages":[…]}}. */
    String importKey(String format, String material, String algorithm, String namedCurve, String usagesJson) {
        String alg = canonicalAlgorithm(algorithm);
        if (alg.equals("ECDSA") && !namedCurve.equals("P-256")) {
            throw new SandboxFault("importKey: only the P-256 curve is supported");
        }
        try {
            HostKey key =
                    switch (format) {
                        case "jwk" -> fromJwk(alg, JSON.readTree(bounded(material, MAX_DATA_BYTES)));
                        case "spki" ->
                            new HostKey(
                                    keyFactory(alg).generatePublic(new X509EncodedKeySpec(data(material))),
                                    alg,
                                    "public");
                        case "pkcs8" ->
                            new HostKey(
                                    keyFactory(alg).generatePrivate(new PKCS8EncodedKeySpec(data(material))),
                                    alg,
                                    "private");
                        default -> throw new SandboxFault("importKey: unsupported format " + bounded(format));
                    };
            int handle = nextHandle++;
            keys.put(handle, key);
            if (keys.size() > MAX_KEYS) {
                keys.remove(keys.keySet().iterator().next());
            }
            String algorithmJson =
                    alg.equals("ECDSA") ? "{\"name\":\"ECDSA\",\"namedCurve\":\"P-256\"}" : "{\"name\":\"Ed25519\"}";
            return "{\"handle\":" + handle + ",\"type\":\"" + key.type() + "\",\"algorithm\":" + algorithmJson
                    + ",\"usages\":" + JSON.writeValueAsString(JSON.readTree(usagesJson)) + "}";
        } catch (SandboxFault e) {
            throw e;
        } catch (Exception e) {
            throw new SandboxFault("importKey: invalid key data");
        }
    }

    boolean verify(int handle, String algorithm, String hash, String signatureB64, String dataB64) {
        HostKey key = key(handle, algorithm, hash, "public");
        try {
            Signature verifier = signature(key.algorithm());
            verifier.initVerify((PublicKey) key.key());
            verifier.update(data(dataB64));
            return verifier.verify(data(signatureB64));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    String sign(int handle, String algorithm, String hash, String dataB64) {
        HostKey key = key(handle, algorithm, hash, "private");
        try {
            Signature signer = signature(key.algorithm());
            signer.initSign((PrivateKey) key.key());
            signer.update(data(dataB64));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new SandboxFault("sign failed");
        }
    }

    private HostKey key(int handle, String algorithm, String hash, String type) {
        HostKey key = keys.get(handle);
        if (key == null) {
            throw new SandboxFault("unknown key (a realm keeps its " + MAX_KEYS + " most recently used keys)");
        }
        if (!key.algorithm().equals(canonicalAlgorithm(algorithm))) {
            throw new SandboxFault("key is for " + key.algorithm() + ", not " + bounded(algorithm));
        }
        if (key.algorithm().equals("ECDSA") && !hash.equalsIgnoreCase("SHA-256")) {
            throw new SandboxFault("ECDSA is supported with SHA-256 only");
        }
        if (!key.type().equals(type)) {
            throw new SandboxFault("a " + type + " key is needed");
        }
        return key;
    }

    private static String canonicalAlgorithm(String algorithm) {
        if (algorithm.equalsIgnoreCase("ECDSA")) {
            return "ECDSA";
        }
        if (algorithm.equalsIgnoreCase("Ed25519")) {
            return "Ed25519";
        }
        throw new SandboxFault("unsupported algorithm " + bounded(algorithm));
    }

    private static Signature signature(String algorithm) throws GeneralSecurityException {
        return Signature.getInstance(algorithm.equals("ECDSA") ? "SHA256withECDSAinP1363Format" : "Ed25519");
    }

    private static KeyFactory keyFactory(String algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm.equals("ECDSA") ? "EC" : "Ed25519");
    }

    private static HostKey fromJwk(String algorithm, JsonNode jwk) throws GeneralSecurityException {
        boolean isPrivate = jwk.hasNonNull("d");
        if (algorithm.equals("ECDSA")) {
            if (!"EC".equals(jwk.path("kty").asText())
                    || !"P-256".equals(jwk.path("crv").asText())) {
                throw new SandboxFault("importKey: expected an EC P-256 JWK");
            }
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
            KeyFactory factory = KeyFactory.getInstance("EC");
            if (isPrivate) {
                return new HostKey(
                        factory.generatePrivate(new ECPrivateKeySpec(unsigned(jwk, "d"), spec)), algorithm, "private");
            }
            ECPoint point = new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y"));
            return new HostKey(factory.generatePublic(new ECPublicKeySpec(point, spec)), algorithm, "public");
        }
        if (!"OKP".equals(jwk.path("kty").asText())
                || !"Ed25519".equals(jwk.path("crv").asText())) {
            throw new SandboxFault("importKey: expected an OKP Ed25519 JWK");
        }
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        if (isPrivate) {
            return new HostKey(
                    factory.generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, base64Url(jwk, "d"))),
                    algorithm,
                    "private");
        }
        byte[] x = base64Url(jwk, "x");
        if (x.length != 32) {
            throw new SandboxFault("importKey: Ed25519 public key must be 32 bytes");
        }
        // RFC 8032 §5.1.3: little-endian y with the x parity in the top bit of the last byte.
        boolean xOdd = (x[31] & 0x80) != 0;
        byte[] reversed = new byte[32];
        for (int i = 0; i < 32; i++) {
            reversed[i] = x[31 - i];
        }
        reversed[0] &= 0x7f;
        EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, reversed));
        return new HostKey(
                factory.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point)), algorithm, "public");
    }

    private static BigInteger unsigned(JsonNode jwk, String member) {
        return new BigInteger(1, base64Url(jwk, member));
    }

    private static byte[] base64Url(JsonNode jwk, String member) {
        JsonNode value = jwk.get(member);
        if (value == null || !value.isTextual()) {
            throw new SandboxFault("importKey: JWK member " + member + " missing");
        }
        return Base64.getUrlDecoder().decode(value.asText());
    }

    private static byte[] data(String b64) {
        if (b64.length() > MAX_DATA_BYTES * 4 / 3 + 4) {
            throw new SandboxFault("data larger than " + MAX_DATA_BYTES + " bytes");
        }
        return Base64.getDecoder().decode(b64);
    }

    private static String bounded(String value, int max) {
        if (value.length() > max) {
            throw new SandboxFault("input larger than " + max + " characters");
        }
        return value;
    }

    static String bounded(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
