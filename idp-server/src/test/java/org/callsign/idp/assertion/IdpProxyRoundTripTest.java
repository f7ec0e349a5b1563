package org.callsign.idp.assertion;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callsign.idp.TestUsers;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityAsserter;
import org.callsign.shim.identity.IdentityAttribute;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

/**
 * The served proxy script in browser-shim's sandbox against the running IdP: generate, {@code a=identity}, validate
 * (RFC 8827 §7.4–7.6), and the need-login cases (not logged in, origin not consented).
 */
@QuarkusTest
@TestProfile(LoopbackIdpProfile.class)
class IdpProxyRoundTripTest {

    private static final String RELYING = "https://rp.example";
    private static final GenerateOptions OPTIONS = new GenerateOptions("default", null, null);

    static String consentedToken(String username, String origin) {
        String token = TestUsers.token(TestUsers.register(username));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("origin", origin))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(200);
        return token;
    }

    static SessionDescription offer() throws Exception {
        try (InputStream in =
                IdpProxyRoundTripTest.class.getResourceAsStream("/sdp/chromium-156-datachannel-offer.sdp")) {
            return SessionDescription.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void assertsAndVerifiesAnOfferThroughTheServedProxy() throws Exception {
        String user = TestUsers.uniqueName("round");
        String token = consentedToken(user, RELYING);
        SessionDescription signed;
        try (IdpSandbox caller = ProxySandbox.open(token)) {
            signed = new IdentityAsserter(caller).assertIdentity(offer(), ProxySandbox.idp(), RELYING, OPTIONS);
        }
        IdentityAttribute attribute = IdentityAttribute.decode(signed.identity().orElseThrow());
        assertEquals(ProxySandbox.IDP_DOMAIN, attribute.idp().domain());
        assertEquals("default", attribute.idp().protocol());

        // The callee's sandbox has no credentials of the IdP: validation needs none.
        try (IdpSandbox callee = ProxySandbox.open(null)) {
            Optional<VerifiedIdentity> verified = new IdentityVerifier(callee, DomainRule.STRICT)
                    .verify(SessionDescription.parse(signed.toString()), RELYING);
            assertEquals(user + "@localhost", verified.orElseThrow().name());
            assertEquals(offer().fingerprints(), verified.get().fingerprints());
        }
    }

    @Test
    void validationReturnsTheContentsByteForByte() throws Exception {
        String token = consentedToken(TestUsers.uniqueName("bytes"), RELYING);
        // Valid, but not as browser-shim would write it: spacing, lower-case digest, member order kept.
        String contents =
                "{ \"fingerprint\" : [ {\"digest\":\"ab:" + "cd:".repeat(30) + "ef\", \"algorithm\":\"sha-256\"} ] }";
        try (IdpSandbox sandbox = ProxySandbox.open(token)) {
            var generated = sandbox.generateAssertion(ProxySandbox.idp(), contents, RELYING, OPTIONS);
            assertEquals(ProxySandbox.IDP_DOMAIN, generated.domain());
            var validated = sandbox.validateAssertion(ProxySandbox.idp(), generated.assertion(), RELYING);
            assertEquals(contents, validated.contents());
            assertTrue(validated.identity().endsWith("@localhost"));
        }
    }

    @Test
    void notLoggedInIsNeedLoginWithTheLoginPage() throws Exception {
        try (IdpSandbox sandbox = ProxySandbox.open(null)) {
            IdentityException e = assertThrows(IdentityException.class, () -> new IdentityAsserter(sandbox)
                    .assertIdentity(offer(), ProxySandbox.idp(), RELYING, OPTIONS));
            assertEquals(IdentityError.IDP_NEED_LOGIN, e.error());
            assertEquals(LoopbackIdpProfile.ISSUER + "/login?origin=https%3A%2F%2Frp.example", e.idpLoginUrl());
        }
    }

    @Test
    void revokedTokenIsNeedLoginToo() throws Exception {
        try (IdpSandbox sandbox = ProxySandbox.open("not-a-token")) {
            IdentityException e = assertThrows(IdentityException.class, () -> new IdentityAsserter(sandbox)
                    .assertIdentity(offer(), ProxySandbox.idp(), RELYING, OPTIONS));
            assertEquals(IdentityError.IDP_NEED_LOGIN, e.error());
            assertEquals(LoopbackIdpProfile.ISSUER + "/login?origin=https%3A%2F%2Frp.example", e.idpLoginUrl());
        }
    }

    @Test
    void originWithoutConsentIsNeedLoginWithTheConsentPage() throws Exception {
        String token = consentedToken(TestUsers.uniqueName("consent"), RELYING);
        try (IdpSandbox sandbox = ProxySandbox.open(token)) {
            IdentityException e = assertThrows(IdentityException.class, () -> new IdentityAsserter(sandbox)
                    .assertIdentity(offer(), ProxySandbox.idp(), "https://other.example", OPTIONS));
            assertEquals(IdentityError.IDP_NEED_LOGIN, e.error());
            assertEquals(LoopbackIdpProfile.ISSUER + "/consent?origin=https%3A%2F%2Fother.example", e.idpLoginUrl());
        }
    }

    @Test
    void contentsThatAreNotFingerprintsAreAnExecutionFailure() throws Exception {
        String token = consentedToken(TestUsers.uniqueName("junk"), RELYING);
        try (IdpSandbox sandbox = ProxySandbox.open(token)) {
            IdentityException e = assertThrows(
                    IdentityException.class,
                    () -> sandbox.generateAssertion(ProxySandbox.idp(), "{\"anything\":1}", RELYING, OPTIONS));
            assertEquals(IdentityError.IDP_EXECUTION_FAILURE, e.error());
        }
    }

    @Test
    void anAssertionForOneOriginFailsValidationForAnother() throws Exception {
        String token = consentedToken(TestUsers.uniqueName("aud"), RELYING);
        try (IdpSandbox sandbox = ProxySandbox.open(token)) {
            String contents = offerContents();
            var generated = sandbox.generateAssertion(ProxySandbox.idp(), contents, RELYING, OPTIONS);
            IdentityException e = assertThrows(
                    IdentityException.class,
                    () -> sandbox.validateAssertion(ProxySandbox.idp(), generated.assertion(), "https://evil.example"));
            assertEquals(IdentityError.IDP_TOKEN_INVALID, e.error());
        }
    }

    @Test
    void anAssertionValidatesForAnyAudienceWhenTheBrowserGivesNoOrigin() throws Exception {
        // Firefox ESR 153 calls validateAssertion without the relying origin; its sandbox hands over "undefined".
        String token = consentedToken(TestUsers.uniqueName("noorigin"), RELYING);
        try (IdpSandbox sandbox = ProxySandbox.open(token)) {
            var generated = sandbox.generateAssertion(ProxySandbox.idp(), offerContents(), RELYING, OPTIONS);
            var validated = sandbox.validateAssertion(ProxySandbox.idp(), generated.assertion(), "undefined");
            IdentityException forged = assertThrows(
                    IdentityException.class,
                    () -> sandbox.validateAssertion(ProxySandbox.idp(), altered(generated.assertion()), "undefined"));

            assertTrue(validated.identity().endsWith("@localhost"));
            assertEquals(IdentityError.IDP_TOKEN_INVALID, forged.error());
        }
    }

    /** {@code jws} with one character of its signature changed. */
    static String altered(String jws) {
        char last = jws.charAt(jws.length() - 2);
        return jws.substring(0, jws.length() - 2) + (last == 'A' ? 'B' : 'A') + jws.charAt(jws.length() - 1);
    }

    static String offerContents() throws Exception {
        return org.callsign.shim.identity.FingerprintContents.of(offer().fingerprints())
                .json();
    }

    static List<String> parts(String jws) {
        return List.of(jws.split("\\.", -1));
    }
}
