package org.callsign.idp.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * Ed25519 keys and EdDSA signatures (RFC 8037) on the JDK's own provider, so that EdDSA needs no extra library
 * (Nimbus' own Ed25519 classes need Google Tink).
 */
final class Ed25519Keys {

    /** DER prefix of a PKCS#8 Ed25519 private key before its 32 raw bytes (RFC 8410 §7). */
    private static final byte[] PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    /** DER prefix of an X.509 SubjectPublicKeyInfo Ed25519 key before its 32 raw bytes (RFC 8410 §4). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private static final int KEY_LENGTH = 32;

    private Ed25519Keys() {}

    /** A fresh Ed25519 key pair as an OKP JWK with {@code use=sig}, {@code alg=EdDSA} and a thumbprint {@code kid}. */
    static OctetKeyPair generate() throws JOSEException {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] x = raw(pair.getPublic().getEncoded(), SPKI_PREFIX, "public");
            byte[] d = raw(pair.getPrivate().getEncoded(), PKCS8_PREFIX, "private");
            return new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x))
                    .d(Base64URL.encode(d))
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.EdDSA)
                    .keyIDFromThumbprint()
                    .build();
        } catch (GeneralSecurityException e) {
            throw new JOSEException("Ed25519 key generation failed: " + e.getMessage(), e);
        }
    }

    /** A JWS signer for a private Ed25519 OKP JWK. */
    static JWSSigner signer(OctetKeyPair jwk) throws JOSEException {
        if (!Curve.Ed25519.equals(jwk.getCurve()) || !jwk.isPrivate()) {
            throw new JOSEException("expected a private Ed25519 key");
        }
        byte[] encoded = concat(PKCS8_PREFIX, jwk.getDecodedD());
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(encoded));
            return new Signer(key);
        } catch (GeneralSecurityException e) {
            throw new JOSEException("invalid Ed25519 private key", e);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static byte[] raw(byte[] encoded, byte[] prefix, String what) throws GeneralSecurityException {
        if (encoded.length != prefix.length + KEY_LENGTH
                || !Arrays.equals(Arrays.copyOf(encoded, prefix.length), prefix)) {
            throw new GeneralSecurityException("unexpected Ed25519 " + what + " key encoding");
        }
        return Arrays.copyOfRange(encoded, prefix.length, encoded.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Signs JWS input with EdDSA; the signature is the raw 64 bytes (RFC 8037 §3.1). */
    private static final class Signer implements JWSSigner {

        private final PrivateKey key;
        private final JCAContext jcaContext = new JCAContext();

        Signer(PrivateKey key) {
            this.key = key;
        }

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
            if (!JWSAlgorithm.EdDSA.equals(header.getAlgorithm())) {
                throw new JOSEException("Ed25519 key cannot sign alg " + header.getAlgorithm());
            }
            try {
                Signature signature = Signature.getInstance("Ed25519");
                signature.initSign(key);
                signature.update(signingInput);
                return Base64URL.encode(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new JOSEException("EdDSA signing failed: " + e.getMessage(), e);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.EdDSA);
        }

        @Override
        public JCAContext getJCAContext() {
            return jcaContext;
        }
    }
}
