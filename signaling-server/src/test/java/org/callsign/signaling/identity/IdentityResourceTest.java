package org.callsign.signaling.identity;

import static org.callsign.signaling.TestClients.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.signaling.FederationProfile;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.TestIdpResource;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client proves its identity with an assertion of its IdP over the server's challenge, for the server's origin; the
 * server validates it through the IdP's proxy script. Everything else is refused.
 */
@QuarkusTest
@TestProfile(FederationProfile.class)
class IdentityResourceTest {

    private static final String PROTOCOL = "test-idp";

    private static IdpSandbox device;

    @BeforeAll
    static void deviceSandbox() {
        device =
                new IdpSandbox(new DefaultFetcher(TestIdpResource.idp().policy().build()), SandboxConfig.defaults());
    }

    @AfterAll
    static void closeSandbox() {
        device.close();
    }

    @AfterEach
    void resetIdp() {
        TestIdpResource.idp().identity("alice@idp-a.test");
    }

    @Test
    void bindsTheIdentityOfAnAssertionOverTheChallenge() throws IdentityException {
        String token = TestClients.token(TestClients.registerNew("binder"));
        String challenge = challenge(token);

        bind(token, "idp-a.test", assertion(challenge, FederationProfile.ORIGIN))
                .then()
                .statusCode(200)
                .body("identity", equalTo("alice@idp-a.test"))
                .body("idp.domain", equalTo("idp-a.test"))
                .body("idp.protocol", equalTo(PROTOCOL));
        bearer(token).when().get("/api/identity").then().statusCode(200).body("identity", equalTo("alice@idp-a.test"));

        bearer(token).when().delete("/api/identity").then().statusCode(204);
        bearer(token).when().get("/api/identity").then().statusCode(404);
    }

    @Test
    void challengeNamesTheServersOrigin() {
        String token = TestClients.token(TestClients.registerNew("origin"));
        bearer(token)
                .when()
                .post("/api/identity/challenge")
                .then()
                .statusCode(200)
                .body("origin", equalTo(FederationProfile.ORIGIN));
    }

    @Test
    void refusesAnAssertionOverOtherContents() throws IdentityException {
        String token = TestClients.token(TestClients.registerNew("contents"));
        challenge(token);
        bind(token, "idp-a.test", assertion("{\"fingerprint\":[]}", FederationProfile.ORIGIN))
                .then()
                .statusCode(400)
                .body("error", equalTo("identity-rejected"))
                .body("message", containsString("not over this challenge"));
    }

    @Test
    void refusesAnAssertionForAnotherOrigin() throws IdentityException {
        String token = TestClients.token(TestClients.registerNew("audience"));
        String challenge = challenge(token);
        bind(token, "idp-a.test", assertion(challenge, "https://sig-a.test"))
                .then()
                .statusCode(400)
                .body("error", equalTo("identity-rejected"))
                .body("message", containsString("idp-token-invalid"));
    }

    @Test
    void refusesAnIdentityOfAnotherDomainThanTheIdps() throws IdentityException {
        String token = TestClients.token(TestClients.registerNew("domain"));
        String challenge = challenge(token);
        TestIdpResource.idp().identity("per@idp-b.test");
        bind(token, "idp-a.test", assertion(challenge, FederationProfile.ORIGIN))
                .then()
                .statusCode(400)
                .body("error", equalTo("identity-rejected"))
                .body("message", containsString("domain-mismatch"));
    }

    @Test
    void aChallengeServesOneAttempt() throws IdentityException {
        String token = TestClients.token(TestClients.registerNew("once"));
        String challenge = challenge(token);
        String assertion = assertion(challenge, FederationProfile.ORIGIN);
        TestIdpResource.idp().identity("carol@idp-a.test");
        String carol = assertion(challenge, FederationProfile.ORIGIN);
        TestIdpResource.idp().identity("alice@idp-a.test");

        bind(token, "idp-b.test", assertion).then().statusCode(400);
        bind(token, "idp-a.test", carol).then().statusCode(400).body("error", equalTo("challenge-invalid"));
    }

    @Test
    void bindingWithoutAChallengeIsRefused() throws IdentityException {
        String token = TestClients.token(TestClients.registerNew("unasked"));
        bind(token, "idp-a.test", assertion("anything", FederationProfile.ORIGIN))
                .then()
                .statusCode(400)
                .body("error", equalTo("challenge-invalid"));
    }

    @Test
    void anIdentityNamesOneClient() throws IdentityException {
        TestIdpResource.idp().identity("dave@idp-a.test");
        String first = TestClients.token(TestClients.registerNew("first"));
        bind(first, "idp-a.test", assertion(challenge(first), FederationProfile.ORIGIN))
                .then()
                .statusCode(200);
        String second = TestClients.token(TestClients.registerNew("second"));
        bind(second, "idp-a.test", assertion(challenge(second), FederationProfile.ORIGIN))
                .then()
                .statusCode(409)
                .body("error", equalTo("identity-taken"));
    }

    @Test
    void needsAuthentication() {
        io.restassured.RestAssured.given()
                .when()
                .post("/api/identity/challenge")
                .then()
                .statusCode(401);
    }

    private static String challenge(String token) {
        return bearer(token)
                .when()
                .post("/api/identity/challenge")
                .then()
                .statusCode(200)
                .extract()
                .path("contents");
    }

    private static io.restassured.response.Response bind(String token, String domain, String assertion) {
        return bearer(token)
                .contentType(ContentType.JSON)
                .body(Map.of("idp", Map.of("domain", domain, "protocol", PROTOCOL), "assertion", assertion))
                .when()
                .put("/api/identity");
    }

    private static String assertion(String contents, String origin) throws IdentityException {
        return device.generateAssertion(
                        IdpProxyAddress.of("idp-a.test", PROTOCOL),
                        contents,
                        origin,
                        new GenerateOptions(PROTOCOL, null, null))
                .assertion();
    }
}
