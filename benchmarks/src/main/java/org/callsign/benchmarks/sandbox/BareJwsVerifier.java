package org.callsign.benchmarks.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

/**
 * The baseline of the sandbox benchmarks: what {@code bench-idp.js} checks, done directly in Java. Splits
 * a compact JWS (RFC 7515 §7.1), verifies its ES256 signature (RFC 7518 §3.4: ECDSA P-256 with SHA-256,
 * the signature as R‖S, which {@code SHA256withECDSAinP1363Format} reads), parses the claims with Jackson
 * and checks {@code exp} and {@code aud}. Like the script it trusts the one key it was given and does not
 * read the JOSE header; unlike the script it imports that key once, as a Java relying party would.
 */
public final class BareJwsVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    /** The claims the relying party returns: the identity and the exact {@code contents} string. */
    public record Claims(String identity, String contents) {}

    private final ECPublicKey key;

    public BareJwsVerifier(ECPublicKey key) {
        this.key = key;
    }

    /** The verified claims, or {@link IllegalArgumentException} saying why the assertion is refused. */
    public Claims verify(String assertion, String origin) {
        int first = assertion.indexOf('.');
        int second = assertion.indexOf('.', first + 1);
        if (first < 0 || second < 0 || assertion.indexOf('.', second + 1) >= 0) {
            throw new IllegalArgumentException("not a compact JWS");
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(assertion.substring(0, second).getBytes(StandardCharsets.US_ASCII));
            if (!verifier.verify(BASE64URL.decode(assertion.substring(second + 1)))) {
                throw new IllegalArgumentException("bad signature");
            }
            JsonNode claims = JSON.readTree(BASE64URL.decode(assertion.substring(first + 1, second)));
            if (claims.path("exp").asLong() * 1000 < System.currentTimeMillis()) {
                throw new IllegalArgumentException("expired");
            }
            if (!origin.equals(claims.path("aud").asText(null))) {
                throw new IllegalArgumentException("wrong audience");
            }
            return new Claims(
                    claims.path("sub").asText(), claims.path("contents").asText());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("bad signature", e);
        }
    }
}
