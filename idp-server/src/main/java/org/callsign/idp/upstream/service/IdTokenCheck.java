package org.callsign.idp.upstream.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates an upstream ID token with Nimbus {@link IDTokenValidator} (OpenID Connect Core 1.0 §3.1.3.7): signed with
 * an asymmetric algorithm the provider lists, by a key of its {@code jwks_uri}; {@code iss} the provider's issuer;
 * {@code aud} containing (and {@code azp}, if several, naming) this client; not expired, with
 * {@value #MAX_CLOCK_SKEW_SECONDS} s of clock skew; {@code nonce} the one the login sent. {@code none} and HMAC
 * algorithms are never accepted. Each failure becomes a typed {@link UpstreamError}.
 */
@Singleton
public class IdTokenCheck {

    /** Clock skew tolerated on {@code exp} and {@code iat}. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 60;

    private final UpstreamHttp http;

    public IdTokenCheck(UpstreamHttp http) {
        this.http = http;
    }

    /** The claims of a valid ID token; {@link UpstreamLoginException} otherwise. */
    public IDTokenClaimsSet validate(DiscoveredProvider provider, JWT idToken, Nonce expectedNonce) {
        JWKSet keys;
        try {
            keys = JWKSet.parse(http.getJson(provider.metadata().getJWKSetURI(), "provider key set"));
        } catch (ParseException e) {
            throw new UpstreamLoginException(
                    UpstreamError.PROVIDER_UNAVAILABLE, "provider key set is not a JWK Set: " + e.getMessage());
        }
        return validate(provider, keys, idToken, expectedNonce);
    }

    /** As {@link #validate(DiscoveredProvider, JWT, Nonce)}, against the given keys. */
    public static IDTokenClaimsSet validate(
            DiscoveredProvider provider, JWKSet keys, JWT idToken, Nonce expectedNonce) {
        IDTokenValidator validator = new IDTokenValidator(
                provider.metadata().getIssuer(),
                provider.clientId(),
                new JWSVerificationKeySelector<SecurityContext>(
                        algorithms(provider.metadata().getIDTokenJWSAlgs()), new ImmutableJWKSet<>(keys)),
                null);
        validator.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        try {
            return validator.validate(idToken, expectedNonce);
        } catch (BadJWTException e) {
            throw new UpstreamLoginException(classify(e), "ID token refused: " + e.getMessage());
        } catch (BadJOSEException | JOSEException e) {
            throw new UpstreamLoginException(
                    UpstreamError.TOKEN_INVALID, "ID token refused: not signed by a key of the provider");
        }
    }

    /** The asymmetric algorithms the provider lists; RS256, the default of OpenID Connect, if it lists none. */
    static Set<JWSAlgorithm> algorithms(List<JWSAlgorithm> listed) {
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        if (listed != null) {
            listed.stream().filter(JWSAlgorithm.Family.SIGNATURE::contains).forEach(algorithms::add);
        }
        if (algorithms.isEmpty()) {
            algorithms.add(JWSAlgorithm.RS256);
        }
        return algorithms;
    }

    private static UpstreamError classify(BadJWTException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("nonce")) {
            return UpstreamError.NONCE_MISMATCH;
        }
        if (message.contains("issuer")) {
            return UpstreamError.ISSUER_MISMATCH;
        }
        if (message.contains("expired")) {
            return UpstreamError.TOKEN_EXPIRED;
        }
        return UpstreamError.TOKEN_INVALID;
    }
}
