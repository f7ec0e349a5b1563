package org.callsign.benchmarks.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.wellknown.fetch.FetchPolicy;
import org.callsign.wellknown.fetch.HostResolver;
import org.callsign.wellknown.testing.LocalDomains;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestCa;

/**
 * A local HTTPS IdP for the sandbox benchmarks: {@value #DOMAIN} on loopback, with a certificate from a test
 * CA, and its ES256 key at {@code /jwks.json}. It serves the proxy script {@code bench-idp.js} (which keeps
 * the key it fetched for the realm's life) at {@code /.well-known/idp-proxy/default} and under the protocol
 * names {@code p0 … p<n-1>}, so that each name is a new IdP to the relying party, and
 * {@code bench-idp-fetching-jwks.js} (which fetches the JWKS on every call) under
 * {@value #FETCHES_JWKS}, and {@code noop-idp.js} (which checks nothing) under {@value #NOOP}. Scripts and key are served with {@code Cache-Control: max-age=3600}, as an IdP
 * would, so a relying party may keep them in its cache.
 */
public final class BenchIdp implements AutoCloseable {
    public static final String DOMAIN = "idp-a.test";
    public static final String IDENTITY = "alice@idp-a.test";
    public static final String ORIGIN = "https://app.example";
    public static final String CONTENTS =
            "{\"fingerprint\":[{\"algorithm\":\"sha-256\",\"digest\":\"6B:8B:5D:EA:59:04:20:23:29:C8:87:1C:CC:87:"
                    + "32:BE:DD:6E:A3:0A:7F:5F:6F:91:AE:92:1A:0E:D0:1B:0E:3B\"}]}";
    /** The protocol name of the script that fetches the JWKS on every call. */
    public static final String FETCHES_JWKS = "fetches-jwks";
    /** The protocol name of the script that resolves at once, and the contents it returns. */
    public static final String NOOP = "noop";

    public static final String NOOP_CONTENTS = "{\"fingerprint\":[]}";

    static final String CACHE_CONTROL = "max-age=3600";

    private final LocalDomains domains;
    private final KeyPair key;
    private final int protocols;

    private BenchIdp(LocalDomains domains, int protocols) {
        this.domains = domains;
        this.protocols = protocols;
        this.key = ecKey();
        ScriptedResponse proxy = cacheable("text/javascript", resource("bench-idp.js"));
        var server = domains.server();
        server.route("/jwks.json", cacheable("application/json", jwks()));
        server.route("/.well-known/idp-proxy/" + IdpProxyAddress.DEFAULT_PROTOCOL, proxy);
        server.route(
                "/.well-known/idp-proxy/" + FETCHES_JWKS,
                cacheable("text/javascript", resource("bench-idp-fetching-jwks.js")));
        server.route("/.well-known/idp-proxy/" + NOOP, cacheable("text/javascript", resource("noop-idp.js")));
        for (int i = 0; i < protocols; i++) {
            server.route("/.well-known/idp-proxy/" + protocol(i), proxy);
        }
    }

    /** Starts the IdP with the proxy script under {@code default} and {@code protocols} numbered names. */
    public static BenchIdp start(int protocols) {
        return new BenchIdp(LocalDomains.start(TestCa.create("Benchmark IdP CA"), DOMAIN, "*." + DOMAIN), protocols);
    }

    /** The {@code index}th protocol name the script is served under. */
    public static String protocol(int index) {
        return "p" + index;
    }

    /** How many numbered protocol names are served. */
    public int protocols() {
        return protocols;
    }

    /** Requests the IdP has answered so far. */
    public int requestCount() {
        return domains.server().requestCount();
    }

    /** The address of the script served under {@code protocol}. */
    public IdpProxyAddress address(String protocol) {
        try {
            return IdpProxyAddress.of(DOMAIN, protocol);
        } catch (IdentityException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * The script's address at a host never used before, {@code c<n>.}{@value #DOMAIN}: a new origin to the
     * relying party, with no TLS session to resume and no connection to reuse.
     */
    public IdpProxyAddress freshHost(int n) {
        try {
            return IdpProxyAddress.of("c" + n + "." + DOMAIN, IdpProxyAddress.DEFAULT_PROTOCOL);
        } catch (IdentityException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Trusts the test CA and sends {@value #DOMAIN} and every name under it, port 443, to the local server; the
     * caller adds the cache.
     */
    public FetchPolicy.Builder policy() {
        InetSocketAddress server = new InetSocketAddress(
                InetAddress.getLoopbackAddress(), domains.server().port());
        return domains.policy().resolver((host, port) -> {
            if (port == 443 && host.endsWith("." + DOMAIN)) {
                return List.of(server);
            }
            return HostResolver.SYSTEM.resolve(host, port);
        });
    }

    public ECPublicKey publicKey() {
        return (ECPublicKey) key.getPublic();
    }

    /** An assertion for {@value #IDENTITY} to {@value #ORIGIN} over {@link #CONTENTS}, valid for {@code lifetime}. */
    public String assertion(Duration lifetime) {
        Instant now = Instant.now();
        String payload = "{\"iss\":\"https://" + DOMAIN + "\",\"sub\":\"" + IDENTITY + "\",\"aud\":\"" + ORIGIN
                + "\",\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + now.plus(lifetime).getEpochSecond()
                + ",\"jti\":\"" + UUID.randomUUID() + "\",\"contents\":" + quote(CONTENTS) + "}";
        return sign(payload);
    }

    /** A compact ES256 JWS (RFC 7515 §7.1, RFC 7518 §3.4) over {@code payload}. */
    public String sign(String payload) {
        String signingInput = b64("{\"alg\":\"ES256\",\"kid\":\"bench\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key.getPrivate());
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cacheable, on a connection kept open as a real IdP's web server would. */
    private static ScriptedResponse cacheable(String contentType, String body) {
        return ScriptedResponse.ok(contentType, body)
                .header("Cache-Control", CACHE_CONTROL)
                .keepAlive();
    }

    /** The public key as a JWK Set (RFC 7517 §5, RFC 7518 §6.2.1). */
    private String jwks() {
        ECPublicKey publicKey = publicKey();
        return "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"bench\",\"x\":\""
                + b64(coordinate(publicKey.getW().getAffineX().toByteArray())) + "\",\"y\":\""
                + b64(coordinate(publicKey.getW().getAffineY().toByteArray())) + "\"}]}";
    }

    /** A P-256 coordinate as exactly 32 big-endian bytes. */
    private static byte[] coordinate(byte[] unsigned) {
        byte[] out = new byte[32];
        int copy = Math.min(32, unsigned.length);
        System.arraycopy(unsigned, unsigned.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = BenchIdp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the benchmarks jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        domains.close();
    }
}
