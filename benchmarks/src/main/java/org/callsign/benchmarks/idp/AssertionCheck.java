package org.callsign.benchmarks.idp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;

/**
 * Checks that what the load test measures is real work: the answer is a compact JWS, ES256, signed by a key of the
 * server's JWKS, over exactly the claims asked for ({@code iss}, {@code sub}, {@code aud}, {@code contents} byte for
 * byte, a lifetime of {@link AssertionShape#LIFETIME}, a {@code jti}).
 */
final class AssertionCheck {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AssertionCheck() {}

    /**
     * Verifies the body of a {@code POST /api/assertions} answer against the JWKS document; returns a one-line
     * description, or throws {@link IllegalStateException} naming what is wrong.
     */
    static String verify(String body, String jwks, String issuer, String subject) throws IOException {
        String assertion = JSON.readTree(body).path("assertion").asText();
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            expect(JWSAlgorithm.ES256, jwt.getHeader().getAlgorithm(), "alg");
            String kid = jwt.getHeader().getKeyID();
            JWK key = JWKSet.parse(jwks).getKeyByKeyId(kid);
            if (key == null) {
                throw new IllegalStateException("assertion check: kid " + kid + " is not in the JWKS");
            }
            if (!jwt.verify(new ECDSAVerifier(key.toECKey()))) {
                throw new IllegalStateException("assertion check: the ES256 signature does not verify");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            expect(issuer, claims.getIssuer(), "iss");
            expect(subject, claims.getSubject(), "sub");
            expect(List.of(AssertionShape.ORIGIN), claims.getAudience(), "aud");
            expect(AssertionShape.CONTENTS, claims.getStringClaim("contents"), "contents");
            expect(
                    AssertionShape.LIFETIME,
                    Duration.between(
                            claims.getIssueTime().toInstant(),
                            claims.getExpirationTime().toInstant()),
                    "exp - iat");
            if (claims.getJWTID() == null || claims.getJWTID().length() != 22) {
                throw new IllegalStateException(
                        "assertion check: jti is not 128 bits of base64url: " + claims.getJWTID());
            }
            return "ES256, kid " + kid + ", sub " + claims.getSubject() + ", aud " + AssertionShape.ORIGIN + ", "
                    + assertion.length() + " characters, signature verified with the JWKS";
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("assertion check: not a valid compact JWS: " + e.getMessage(), e);
        }
    }

    private static void expect(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) {
            throw new IllegalStateException("assertion check: " + what + " is " + actual + ", expected " + expected);
        }
    }
}
