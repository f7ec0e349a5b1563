package org.callsign.idp.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.callsign.idp.key.KeyService;
import org.callsign.idp.key.SigningKey;
import org.junit.jupiter.api.Test;

/**
 * A standard OIDC client (Nimbus OAuth 2.0 SDK with OpenID Connect extensions) discovers the IdP from its issuer
 * alone, fetches the JWKS it names, and verifies a signature made by the current key.
 */
@QuarkusTest
@TestProfile(FixedIssuerProfile.class)
class DiscoveryClientTest {

    @Inject
    KeyService keys;

    private static OIDCProviderMetadata discover() throws Exception {
        // Fetches <issuer>/.well-known/openid-configuration, parses it and checks that its issuer matches.
        return OIDCProviderMetadata.resolve(new Issuer(FixedIssuerProfile.ISSUER));
    }

    private SignedJWT signedByCurrentKey() throws Exception {
        SigningKey current = keys.current();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(FixedIssuerProfile.ISSUER)
                .subject("alice@127.0.0.1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(current.header().build(), claims);
        jwt.sign(current.signer());
        return SignedJWT.parse(jwt.serialize());
    }

    @Test
    void clientResolvesTheProviderMetadataFromTheIssuer() throws Exception {
        OIDCProviderMetadata metadata = discover();
        assertEquals(FixedIssuerProfile.ISSUER, metadata.getIssuer().getValue());
        assertEquals(
                FixedIssuerProfile.ISSUER + JwksResource.PATH,
                metadata.getJWKSetURI().toString());
        assertEquals(List.of(JWSAlgorithm.ES256), metadata.getIDTokenJWSAlgs());
        assertEquals("public", metadata.getSubjectTypes().get(0).toString());
        assertTrue(metadata.getResponseTypes() == null
                || metadata.getResponseTypes().isEmpty());
    }

    @Test
    void clientVerifiesASignatureWithTheDiscoveredKeys() throws Exception {
        JWKSet jwks = JWKSet.load(discover().getJWKSetURI().toURL());
        SignedJWT jwt = signedByCurrentKey();

        JWK key = jwks.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertFalse(key.isPrivate());
        assertTrue(jwt.verify(new ECDSAVerifier((ECKey) key)));

        JWSObject tampered = new JWSObject(
                jwt.getHeader().toBase64URL(), new Payload("{\"sub\":\"mallory@127.0.0.1\"}"), jwt.getSignature());
        assertFalse(tampered.verify(new ECDSAVerifier((ECKey) key)));
    }

    @Test
    void jwtProcessorWithARemoteKeySourceAcceptsOnlyTheIdpsSignature() throws Exception {
        JWKSource<SecurityContext> source = JWKSourceBuilder.create(
                        discover().getJWKSetURI().toURL())
                .retrying(false)
                .build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, source));

        JWTClaimsSet claims = processor.process(signedByCurrentKey(), null);
        assertEquals("alice@127.0.0.1", claims.getSubject());

        SigningKey stranger = SigningKey.generate(keys.current().algorithm(), Instant.now());
        SignedJWT forged = new SignedJWT(
                stranger.header().build(),
                new JWTClaimsSet.Builder()
                        .subject("alice@127.0.0.1")
                        .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                        .build());
        forged.sign(stranger.signer());
        assertThrows(BadJOSEException.class, () -> processor.process(SignedJWT.parse(forged.serialize()), null));
    }
}
