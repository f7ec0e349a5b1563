package org.callsign.idp.assertion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.callsign.idp.key.KeyService;
import org.callsign.idp.key.SigningKey;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.IdpSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Assertions the IdP never issued, fed to the served proxy's {@code validateAssertion}: each must fail with
 * {@code idp-token-invalid} (or {@code idp-token-expired}), never yield an identity.
 */
@QuarkusTest
@TestProfile(LoopbackIdpProfile.class)
class ForgedAssertionTest {

    private static final String RELYING = "https://rp.example";

    private static IdpSandbox sandbox;

    @Inject
    KeyService keys;

    @BeforeAll
    static void openSandbox() {
        sandbox = ProxySandbox.open(null);
    }

    @AfterAll
    static void closeSandbox() {
        sandbox.close();
    }

    private static JWTClaimsSet.Builder claims(Instant issued) throws Exception {
        return new JWTClaimsSet.Builder()
                .issuer(LoopbackIdpProfile.ISSUER)
                .subject("mallory@localhost")
                .audience(RELYING)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plusSeconds(300)))
                .jwtID("forged")
                .claim("contents", IdpProxyRoundTripTest.offerContents());
    }

    private String signedByIdp(JWTClaimsSet claims) throws Exception {
        SigningKey key = keys.current();
        SignedJWT jwt = new SignedJWT(key.header().build(), claims);
        jwt.sign(key.signer());
        return jwt.serialize();
    }

    private static IdentityError rejection(String assertion) {
        IdentityException e = assertThrows(
                IdentityException.class, () -> sandbox.validateAssertion(ProxySandbox.idp(), assertion, RELYING));
        return e.error();
    }

    @Test
    void acceptsWhatTheIdpSignedAsAControl() throws Exception {
        String genuine = signedByIdp(claims(Instant.now()).build());
        assertEquals(
                "mallory@localhost",
                sandbox.validateAssertion(ProxySandbox.idp(), genuine, RELYING).identity());
    }

    @Test
    void rejectsAlgNone() throws Exception {
        String unsigned = new PlainJWT(claims(Instant.now()).build()).serialize();
        assertEquals(IdentityError.IDP_TOKEN_INVALID, rejection(unsigned));
    }

    @Test
    void rejectsHs256KeyedWithThePublicKey() throws Exception {
        SigningKey key = keys.current();
        byte[] secret = key.publicJwk().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.kid()).build(),
                claims(Instant.now()).build());
        jwt.sign(new MACSigner(secret));
        assertEquals(IdentityError.IDP_TOKEN_INVALID, rejection(jwt.serialize()));
    }

    @Test
    void rejectsAnUnknownKid() throws Exception {
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID("unknown-kid").generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("unknown-kid").build(),
                claims(Instant.now()).build());
        jwt.sign(new ECDSASigner(foreign));
        assertEquals(IdentityError.IDP_TOKEN_INVALID, rejection(jwt.serialize()));
    }

    @Test
    void rejectsAForeignKeyUnderTheIdpsKid() throws Exception {
        ECKey foreign = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(keys.current().kid())
                        .build(),
                claims(Instant.now()).build());
        jwt.sign(new ECDSASigner(foreign));
        assertEquals(IdentityError.IDP_TOKEN_INVALID, rejection(jwt.serialize()));
    }

    @Test
    void rejectsAnotherAudience() throws Exception {
        String assertion = signedByIdp(
                claims(Instant.now()).audience("https://evil.example").build());
        assertEquals(IdentityError.IDP_TOKEN_INVALID, rejection(assertion));
    }

    @Test
    void rejectsAnotherIssuer() throws Exception {
        String assertion =
                signedByIdp(claims(Instant.now()).issuer("https://evil.example").build());
        assertEquals(IdentityError.IDP_TOKEN_INVALID, rejection(assertion));
    }

    @Test
    void rejectsATamperedPayload() throws Exception {
        List<String> parts =
                IdpProxyRoundTripTest.parts(signedByIdp(claims(Instant.now()).build()));
        String other = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(claims(Instant.now())
                        .subject("alice@localhost")
                        .build()
                        .toString()
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(IdentityError.IDP_TOKEN_INVALID, rejection(parts.get(0) + "." + other + "." + parts.get(2)));
    }

    @Test
    void rejectsNonsense() {
        assertEquals(IdentityError.IDP_TOKEN_INVALID, rejection("not.a.jws"));
        assertEquals(IdentityError.IDP_TOKEN_INVALID, rejection("only-one-part"));
    }

    @Test
    void reportsAnExpiredAssertionAsExpired() throws Exception {
        Instant longAgo = Instant.now().minusSeconds(3600);
        String assertion = signedByIdp(claims(longAgo).build());
        assertEquals(IdentityError.IDP_TOKEN_EXPIRED, rejection(assertion));
    }

    @Test
    void refetchesTheJwksOnceForAKidItHasNotSeen() throws Exception {
        String before = signedByIdp(claims(Instant.now()).build());
        sandbox.validateAssertion(ProxySandbox.idp(), before, RELYING);
        // Twice: the key that signs now was generated after the realm cached the JWKS.
        keys.rotate();
        keys.rotate();
        String after = signedByIdp(claims(Instant.now()).build());
        assertEquals(
                "mallory@localhost",
                sandbox.validateAssertion(ProxySandbox.idp(), after, RELYING).identity());
    }
}
