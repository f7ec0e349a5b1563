package org.callsign.benchmarks.idp;

import com.nimbusds.jwt.JWTClaimsSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

/**
 * What idp-server signs for one assertion, so that the bare signing benchmark and the load generator sign and ask
 * for the same thing: the claims {@code AssertionService.issue} builds ({@code iss}, {@code sub}, {@code aud},
 * {@code iat}, {@code exp}, {@code jti}, {@code contents}; no profile claims, since the benchmark user discloses
 * none), in the same order, with the same builder calls.
 */
public final class AssertionShape {

    /** The relying origin the benchmark user consents to: {@code aud} of every assertion. */
    public static final String ORIGIN = "https://app.example";

    /** The RFC 8827 fingerprint object signed: one SHA-256 fingerprint, as a browser sends it. */
    public static final String CONTENTS =
            "{\"fingerprint\":[{\"algorithm\":\"sha-256\",\"digest\":\"6B:8B:5D:EA:59:04:20:23:29:C8:87:1C:CC:87:"
                    + "32:BE:DD:6E:A3:0A:7F:5F:6F:91:AE:92:1A:0E:D0:1B:0E:3B\"}]}";

    /** idp-server's default {@code callsign.idp.assertion.lifetime}. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private AssertionShape() {}

    /** The claims of one assertion, built as {@code AssertionService.issue} builds them (a fresh {@code jti}). */
    public static JWTClaimsSet claims(String issuer, String subject, Clock clock, SecureRandom random) {
        Instant issued = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(ORIGIN)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(LIFETIME)))
                .jwtID(jti(random))
                .claim("contents", CONTENTS)
                .build();
    }

    /** 128 random bits, base64url without padding, as idp-server's {@code jti}. */
    private static String jti(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
