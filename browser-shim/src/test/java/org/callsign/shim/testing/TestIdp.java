package org.callsign.shim.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callsign.wellknown.fetch.FetchPolicy;
import org.callsign.wellknown.testing.LocalDomains;
import org.callsign.wellknown.testing.RecordedRequest;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestCa;
import org.callsign.wellknown.testing.TestHttpsServer;

/**
 * IdPs for tests on one local HTTPS server: {@code idp-a.test} and {@code idp-b.test} resolve to it, and
 * {@code /.well-known/idp-proxy/<name>} serves {@code src/test/resources/idp/<name>.js}. The
 * {@code test-idp} proxy signs through {@code POST /assert} (ES256 JWS with {@code sub}, {@code aud},
 * {@code contents}, {@code exp}) and verifies against {@code /jwks.json}.
 */
public final class TestIdp implements AutoCloseable {
    private static final Pattern STRING_MEMBER =
            Pattern.compile("\"(contents|origin|usernameHint)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final LocalDomains domains;
    private final KeyPair key;
    private volatile boolean loggedIn = true;
    private volatile String identity = "alice@idp-a.test";
    private volatile Duration lifetime = Duration.ofMinutes(5);
    private volatile String jwksCacheControl;

    private TestIdp(LocalDomains domains) {
        this.domains = domains;
        this.key = ecKey();
        TestHttpsServer server = domains.server();
        server.route("/assert", this::assertEndpoint);
        server.route("/jwks.json", request -> {
            ScriptedResponse keys = ScriptedResponse.ok("application/json", jwks());
            String cacheControl = jwksCacheControl;
            return cacheControl == null ? keys : keys.header("Cache-Control", cacheControl);
        });
        server.route("/login", ScriptedResponse.ok("text/html", "<p>log in</p>"));
    }

    public static TestIdp start() {
        return new TestIdp(LocalDomains.start(TestCa.create("IdP test CA"), "idp-a.test", "idp-b.test"));
    }

    /** Serves {@code idp/<name>.js} from the test resources at {@code /.well-known/idp-proxy/<name>}. */
    public TestIdp serveProxy(String name) {
        return serveProxy(name, resource("/idp/" + name + ".js"));
    }

    public TestIdp serveProxy(String name, String script) {
        server().route("/.well-known/idp-proxy/" + name, ScriptedResponse.ok("text/javascript", script));
        return this;
    }

    public TestHttpsServer server() {
        return domains.server();
    }

    public TestCa ca() {
        return domains.ca();
    }

    /** Trusts the test CA, allows loopback, sends both domains to the server. */
    public FetchPolicy.Builder policy() {
        return domains.policy();
    }

    public void loggedIn(boolean value) {
        loggedIn = value;
    }

    public void identity(String value) {
        identity = value;
    }

    /** Serves {@code /jwks.json} with this {@code Cache-Control} value; none by default. */
    public void jwksCacheControl(String value) {
        jwksCacheControl = value;
    }

    public void lifetime(Duration value) {
        lifetime = value;
    }

    private ScriptedResponse assertEndpoint(RecordedRequest request) {
        if (!loggedIn) {
            return ScriptedResponse.status(401)
                    .header("Content-Type", "application/json")
                    .body("{}");
        }
        String body = request.bodyText();
        String contents = member(body, "contents");
        String origin = member(body, "origin");
        Instant now = Instant.now();
        String payload = "{\"iss\":\"https://idp-a.test\",\"sub\":" + quote(identity) + ",\"aud\":" + quote(origin)
                + ",\"iat\":" + now.getEpochSecond() + ",\"exp\":"
                + now.plus(lifetime).getEpochSecond()
                + ",\"jti\":" + quote(UUID.randomUUID().toString()) + ",\"contents\":" + quote(contents) + "}";
        return ScriptedResponse.ok("application/json", "{\"assertion\":" + quote(sign(payload)) + "}");
    }

    /** A compact ES256 JWS over {@code payload}, signed with this IdP's key. */
    public String sign(String payload) {
        String signingInput = b64("{\"alg\":\"ES256\",\"kid\":\"test\"}".getBytes(StandardCharsets.UTF_8)) + "."
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

    private String jwks() {
        ECPublicKey publicKey = (ECPublicKey) key.getPublic();
        return "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"test\",\"x\":\""
                + b64(fixed(publicKey.getW().getAffineX().toByteArray())) + "\",\"y\":\""
                + b64(fixed(publicKey.getW().getAffineY().toByteArray())) + "\"}]}";
    }

    private static byte[] fixed(byte[] unsigned) {
        byte[] out = new byte[32];
        int copy = Math.min(32, unsigned.length);
        System.arraycopy(unsigned, unsigned.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static String member(String json, String name) {
        Matcher matcher = STRING_MEMBER.matcher(json);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                return matcher.group(2).replace("\\\"", "\"").replace("\\\\", "\\");
            }
        }
        return "";
    }

    static String quote(String value) {
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

    public static String resource(String path) {
        try (InputStream in = TestIdp.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
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
