package org.callsign.idp.assertion.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.LoginRequiredException;
import org.callsign.idp.config.IdpConfig;
import org.callsign.idp.consent.rest.ConsentPageResource;
import org.callsign.idp.consent.service.ConsentService;
import org.callsign.idp.consent.service.Origins;
import org.callsign.idp.key.KeyService;
import org.callsign.idp.key.SigningKey;
import org.callsign.idp.session.rest.LoginPageResource;
import org.callsign.idp.session.service.LoggedInUser;

/**
 * Issues identity assertions (RFC 8827 §7.4, §7.6): a compact JWS by the current signing key over the logged-in
 * user's identity, the relying origin and the exact {@code contents} string, only for origins the user consented to
 * (§9.4.3) and only over the RFC 8827 fingerprint object ({@link FingerprintContents}).
 *
 * <p>Header: {@code alg} (ES256 or EdDSA, the current key's) and {@code kid}. Claims: {@code iss}, {@code sub}
 * ({@code user@domain}), {@code aud} (the relying origin, serialised), {@code iat}, {@code exp} ({@code iat} plus
 * {@code callsign.idp.assertion.lifetime}), {@code jti} (128 random bits), {@code contents}, and the profile claims
 * the user disclosed to that origin ({@code name}, {@code picture}).
 */
@Singleton
public class AssertionService {

    private final KeyService keys;
    private final ConsentService consents;
    private final IdpConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AssertionService(KeyService keys, ConsentService consents, IdpConfig config, Clock clock) {
        this.keys = keys;
        this.consents = consents;
        this.config = config;
        this.clock = clock;
    }

    /**
     * The assertion for {@code user} to {@code origin} over {@code contents}; {@code invalid-request} for a bad origin
     * or contents, {@code consent-required} (with the consent page) for an origin the user has not allowed.
     */
    public String issue(LoggedInUser user, String contents, String origin) {
        String audience = Origins.parse(origin);
        String signed = FingerprintContents.require(contents);
        if (!consents.allows(user, audience)) {
            throw new LoginRequiredException(
                    ApiError.CONSENT_REQUIRED,
                    "origin " + audience + " is not allowed to receive assertions about " + user.identity(),
                    consentUrl(audience));
        }
        Instant issued = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(config.issuerUrl())
                .subject(user.identity())
                .audience(audience)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(config.assertion().lifetime())))
                .jwtID(newJti())
                .claim("contents", signed);
        for (Map.Entry<String, String> claim :
                consents.disclosedClaims(user, audience).entrySet()) {
            claims.claim(claim.getKey(), claim.getValue());
        }
        SigningKey key = keys.current();
        SignedJWT jwt = new SignedJWT(key.header().build(), claims.build());
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.kid(), e);
        }
        return jwt.serialize();
    }

    /** The login page for a user who is not logged in, addressed back to {@code origin} if it is valid. */
    public String loginUrl(String origin) {
        return Origins.tryParse(origin)
                .map(parsed -> config.issuerUrl() + LoginPageResource.PATH + "?origin=" + encode(parsed))
                .orElse(config.issuerUrl() + LoginPageResource.PATH);
    }

    /** The consent page for {@code origin}; it sends a user who is not logged in through the login page first. */
    public String consentUrl(String origin) {
        return config.issuerUrl() + ConsentPageResource.PATH + "?origin=" + encode(origin);
    }

    private String newJti() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
