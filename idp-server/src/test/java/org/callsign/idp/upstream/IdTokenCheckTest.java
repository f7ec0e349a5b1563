package org.callsign.idp.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callsign.idp.config.UpstreamConfig;
import org.callsign.idp.upstream.service.DiscoveredProvider;
import org.callsign.idp.upstream.service.IdTokenCheck;
import org.callsign.idp.upstream.service.UpstreamError;
import org.callsign.idp.upstream.service.UpstreamLoginException;
import org.junit.jupiter.api.Test;

/**
 * ID tokens the real provider of the HTTP tests cannot be made to issue, signed by a key this test holds and publishes
 * as the provider's (OpenID Connect Core 1.0 §3.1.3.7): each refusal has its typed error.
 */
class IdTokenCheckTest {

    private static final String ISSUER = "https://op.example";
    private static final String CLIENT = "callsign-client";
    private static final Nonce NONCE = new Nonce("nonce-of-this-login");

    private final ECKey key = generate("op-key");
    private final DiscoveredProvider provider = provider();

    @Test
    void acceptsAGoodToken() throws Exception {
        var claims = IdTokenCheck.validate(provider, keys(), signed(claims(ISSUER, CLIENT, 300), key), NONCE);
        assertEquals("upstream-subject", claims.getSubject().getValue());
    }

    @Test
    void refusesATokenOfAnotherIssuer() throws Exception {
        assertRefused(UpstreamError.ISSUER_MISMATCH, signed(claims("https://other.example", CLIENT, 300), key));
    }

    @Test
    void refusesAnExpiredToken() throws Exception {
        assertRefused(UpstreamError.TOKEN_EXPIRED, signed(claims(ISSUER, CLIENT, -3600), key));
    }

    @Test
    void refusesAnotherNonce() throws Exception {
        JWTClaimsSet other = new JWTClaimsSet.Builder(claims(ISSUER, CLIENT, 300))
                .claim("nonce", "another-nonce")
                .build();
        assertRefused(UpstreamError.NONCE_MISMATCH, signed(other, key));
    }

    @Test
    void refusesATokenForAnotherClient() throws Exception {
        assertRefused(UpstreamError.TOKEN_INVALID, signed(claims(ISSUER, "another-client", 300), key));
    }

    @Test
    void refusesATokenSignedByAKeyTheProviderDoesNotPublish() throws Exception {
        assertRefused(UpstreamError.TOKEN_INVALID, signed(claims(ISSUER, CLIENT, 300), generate("op-key")));
    }

    @Test
    void refusesAnUnsignedToken() throws Exception {
        assertRefused(UpstreamError.TOKEN_INVALID, new PlainJWT(claims(ISSUER, CLIENT, 300)));
    }

    @Test
    void refusesAnHmacTokenKeyedWithThePublicKey() throws Exception {
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("op-key").build(), claims(ISSUER, CLIENT, 300));
        hmac.sign(new MACSigner(
                key.toPublicJWK().toJSONString().repeat(2).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertRefused(UpstreamError.TOKEN_INVALID, hmac);
    }

    private void assertRefused(UpstreamError expected, JWT token) {
        UpstreamLoginException e =
                assertThrows(UpstreamLoginException.class, () -> IdTokenCheck.validate(provider, keys(), token, NONCE));
        assertEquals(expected, e.error(), e.getMessage());
    }

    private JWKSet keys() {
        return new JWKSet(key.toPublicJWK());
    }

    private static JWTClaimsSet claims(String issuer, String audience, long expiresInSeconds) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("upstream-subject")
                .audience(audience)
                .issueTime(Date.from(now.minusSeconds(expiresInSeconds < 0 ? 7200 : 0)))
                .expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
                .claim("nonce", NONCE.getValue())
                .build();
    }

    private static SignedJWT signed(JWTClaimsSet claims, ECKey signer) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(signer.getKeyID())
                        .build(),
                claims);
        jwt.sign(new ECDSASigner(signer));
        return jwt;
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DiscoveredProvider provider() {
        try {
            OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(
                    "{\"issuer\":\"" + ISSUER + "\","
                            + "\"authorization_endpoint\":\"" + ISSUER + "/auth\",\"token_endpoint\":\"" + ISSUER
                            + "/token\","
                            + "\"jwks_uri\":\"" + ISSUER + "/jwks\",\"response_types_supported\":[\"code\"],"
                            + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"ES256\"]}");
            return new DiscoveredProvider("op", new Provider(), metadata);
        } catch (com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configuration of the provider; only the client id matters here. */
    private static final class Provider implements UpstreamConfig.Provider {
        @Override
        public URI issuer() {
            return URI.create(ISSUER);
        }

        @Override
        public Optional<String> displayName() {
            return Optional.empty();
        }

        @Override
        public String clientId() {
            return CLIENT;
        }

        @Override
        public String clientSecret() {
            return "unused";
        }

        @Override
        public List<String> scopes() {
            return List.of("openid");
        }

        @Override
        public UpstreamConfig.Mapping mapping() {
            return new UpstreamConfig.Mapping() {
                @Override
                public Optional<List<String>> emailDomains() {
                    return Optional.empty();
                }

                @Override
                public Map<String, String> links() {
                    return Map.of();
                }

                @Override
                public boolean createAccounts() {
                    return false;
                }
            };
        }
    }
}
