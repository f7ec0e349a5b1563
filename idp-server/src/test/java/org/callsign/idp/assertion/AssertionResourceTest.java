package org.callsign.idp.assertion;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.callsign.idp.TestUsers;
import org.callsign.idp.key.KeyService;
import org.callsign.idp.session.service.SessionCookies;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AssertionResourceTest {

    private static final String PATH = "/api/assertions";
    static final String RELYING = "https://rp.example";
    static final String CONTENTS =
            "{\"fingerprint\":[{\"algorithm\":\"sha-256\",\"digest\":\"AB:" + "CD:".repeat(30) + "EF\"}]}";
    private static final String ISSUER = "https://localhost:8081";

    @Inject
    KeyService keys;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String consented(String prefix, Map<String, Object> consent) {
        String token = TestUsers.token(TestUsers.registerNew(prefix));
        as(token).body(consent).when().post("/api/consents").then().statusCode(200);
        return token;
    }

    private static Response issue(String token, String contents, String origin) {
        return as(token)
                .body(Map.of("contents", contents, "origin", origin))
                .when()
                .post(PATH);
    }

    static String assertion(String token, String origin) {
        return issue(token, CONTENTS, origin)
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .extract()
                .path("assertion");
    }

    @Test
    void signsTheClaimsWithTheCurrentKey() throws Exception {
        String token = consented("claims", Map.of("origin", RELYING));
        String username = given().auth().oauth2(token).get("/api/session").path("username");

        SignedJWT jwt = SignedJWT.parse(assertion(token, "HTTPS://RP.example:443"));
        assertEquals("ES256", jwt.getHeader().getAlgorithm().getName());
        assertEquals(keys.current().kid(), jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier(keys.current().publicJwk().toECKey())));

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertEquals(ISSUER, claims.getIssuer());
        assertEquals(username + "@localhost:8081", claims.getSubject());
        assertEquals(List.of(RELYING), claims.getAudience());
        assertEquals(
                300_000,
                claims.getExpirationTime().getTime() - claims.getIssueTime().getTime());
        assertEquals(CONTENTS, claims.getStringClaim("contents"));
        assertNull(claims.getClaim("name"));
        assertEquals(22, claims.getJWTID().length());
    }

    @Test
    void everyAssertionHasItsOwnJti() throws Exception {
        String token = consented("jti", Map.of("origin", RELYING));
        String first =
                SignedJWT.parse(assertion(token, RELYING)).getJWTClaimsSet().getJWTID();
        String second =
                SignedJWT.parse(assertion(token, RELYING)).getJWTClaimsSet().getJWTID();
        assertNotEquals(first, second);
    }

    @Test
    void keepsTheContentsByteForByte() throws Exception {
        String token = consented("bytes", Map.of("origin", RELYING));
        String unusual =
                " {\"fingerprint\" : [{\"digest\":\"ab:" + "cd:".repeat(30) + "ef\",\"algorithm\":\"sha-256\"}]}\n";
        String jws =
                issue(token, unusual, RELYING).then().statusCode(200).extract().path("assertion");
        assertEquals(unusual, SignedJWT.parse(jws).getJWTClaimsSet().getStringClaim("contents"));
    }

    @Test
    void disclosesOnlyTheClaimsChosenForTheOrigin() throws Exception {
        String token = consented("disclose", Map.of("origin", RELYING, "claims", List.of("name")));
        as(token)
                .body(Map.of("displayName", "Ada", "avatarUrl", "https://img.example/ada.png"))
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(200);
        JWTClaimsSet claims = SignedJWT.parse(assertion(token, RELYING)).getJWTClaimsSet();
        assertEquals("Ada", claims.getStringClaim("name"));
        assertNull(claims.getClaim("picture"));
    }

    @Test
    void anyOriginConsentCoversEveryOrigin() {
        String token = TestUsers.token(TestUsers.registerNew("any"));
        as(token)
                .body(Map.of("enabled", true))
                .when()
                .put("/api/consents/any-origin")
                .then()
                .statusCode(200);
        assertion(token, "https://anywhere.example");
    }

    @Test
    void notLoggedInIs401WithTheLoginPage() {
        given().contentType(ContentType.JSON)
                .body(Map.of("contents", CONTENTS, "origin", RELYING))
                .when()
                .post(PATH)
                .then()
                .statusCode(401)
                .body("error", equalTo("not-logged-in"))
                .body("loginUrl", equalTo(ISSUER + "/login?origin=https%3A%2F%2Frp.example"));
    }

    @Test
    void aBadTokenIs401WithAChallengeAndTheLoginPage() {
        issue("forged", CONTENTS, RELYING)
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                .body("error", equalTo("invalid-token"))
                .body("loginUrl", equalTo(ISSUER + "/login?origin=https%3A%2F%2Frp.example"));
    }

    @Test
    void anOriginWithoutConsentIs403WithTheConsentPage() {
        String token = consented("noconsent", Map.of("origin", RELYING));
        issue(token, CONTENTS, "https://other.example")
                .then()
                .statusCode(403)
                .body("error", equalTo("consent-required"))
                .body("loginUrl", equalTo(ISSUER + "/consent?origin=https%3A%2F%2Fother.example"));
    }

    @Test
    void refusesContentsThatAreNotTheFingerprintObject() {
        String token = consented("contents", Map.of("origin", RELYING));
        for (String contents : List.of("hello", "{\"fingerprint\":[]}", "{\"fingerprint\":\"AB\"}", "{\"a\":1}")) {
            issue(token, contents, RELYING).then().statusCode(400).body("error", equalTo("invalid-request"));
        }
        as(token)
                .body(Map.of("origin", RELYING))
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .body("message", equalTo("contents is required"));
    }

    @Test
    void refusesOriginsThatAreNotWebOrigins() {
        String token = consented("origin", Map.of("origin", RELYING));
        for (String origin : List.of("null", "http://rp.example", "https://rp.example/path", "rp.example")) {
            issue(token, CONTENTS, origin).then().statusCode(400).body("error", equalTo("invalid-request"));
        }
    }

    @Test
    void refusesMalformedAndOversizedBodies() {
        String token = consented("bodies", Map.of("origin", RELYING));
        as(token)
                .body("{\"contents\":")
                .when()
                .post(PATH)
                .then()
                .statusCode(400)
                .body("error", equalTo("malformed-json"));
        as(token).body("[]").when().post(PATH).then().statusCode(400).body("error", equalTo("malformed-json"));
        as(token).when().post(PATH).then().statusCode(400).body("error", equalTo("invalid-request"));
        as(token)
                .body(Map.of("contents", "x".repeat(9000), "origin", RELYING))
                .when()
                .post(PATH)
                .then()
                .statusCode(413)
                .body("error", equalTo("body-too-large"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.TEXT)
                .body("contents")
                .when()
                .post(PATH)
                .then()
                .statusCode(415);
    }

    @Test
    void theSessionCookieWorksForAJsonRequestFromTheIdpsOwnOrigin() {
        String user = TestUsers.registerNew("cookie");
        String cookie = TestUsers.cookie(user);
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .header(org.callsign.idp.session.rest.CsrfFilter.HEADER, "1")
                .contentType(ContentType.JSON)
                .body(Map.of("origin", RELYING))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(200);
        // No custom header: a proxy realm may not be able to send one; the JSON content type stands in for it.
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .contentType(ContentType.JSON)
                .header("Origin", ISSUER)
                .body(Map.of("contents", CONTENTS, "origin", RELYING))
                .when()
                .post(PATH)
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .contentType(ContentType.JSON)
                .header("Origin", RELYING)
                .body(Map.of("contents", CONTENTS, "origin", RELYING))
                .when()
                .post(PATH)
                .then()
                .statusCode(403)
                .body("error", equalTo("csrf-check-failed"));
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .contentType("text/plain")
                .body("{\"contents\":\"x\",\"origin\":\"https://rp.example\"}")
                .when()
                .post(PATH)
                .then()
                .statusCode(403)
                .body("error", equalTo("csrf-check-failed"));
    }

    @Test
    void grantsNoCorsPreflight() {
        Response preflight = given().header("Origin", RELYING)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when()
                .options(PATH);
        assertNull(preflight.getHeader("Access-Control-Allow-Origin"));
        assertFalse(preflight.getHeaders().hasHeaderWithName("Access-Control-Allow-Credentials"));
    }
}
