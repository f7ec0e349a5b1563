package org.callsign.idp.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.callsign.idp.TestUsers;
import org.callsign.idp.consent.service.ConsentService;
import org.callsign.idp.session.service.LoggedInUser;
import org.callsign.idp.session.service.SessionService;
import org.callsign.idp.session.store.SessionKind;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentResourceTest {

    @Inject
    ConsentService consents;

    @Inject
    SessionService sessions;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private LoggedInUser user(String token) {
        return sessions.resolve(token, SessionKind.BEARER).orElseThrow();
    }

    @Test
    void needsALogin() {
        given().when().get("/api/consents").then().statusCode(401).body("error", equalTo("not-logged-in"));
    }

    @Test
    void grantsPerNormalisedOriginListsAndRevokes() {
        String token = TestUsers.token(TestUsers.registerNew("consent"));
        as(token).when().get("/api/consents").then().statusCode(200).body("anyOrigin", equalTo(false));
        as(token)
                .body(Map.of("origin", "HTTPS://RP.Example:443", "claims", List.of("name")))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(200)
                .body("origins.origin", contains("https://rp.example"))
                .body("origins[0].claims", contains("name"));

        LoggedInUser user = user(token);
        assertTrue(consents.allows(user, "https://rp.example"));
        assertTrue(consents.allows(user, "https://rp.example:443"));
        assertFalse(consents.allows(user, "https://other.example"));
        assertFalse(consents.allows(user, "http://rp.example"));
        assertFalse(consents.allows(user, "not an origin"));

        as(token)
                .when()
                .delete("/api/consents?origin=https://rp.example")
                .then()
                .statusCode(204);
        assertFalse(consents.allows(user, "https://rp.example"));
        as(token)
                .when()
                .delete("/api/consents?origin=https://rp.example")
                .then()
                .statusCode(404)
                .body("error", equalTo("not-found"))
                .body("message", equalTo("no consent for origin https://rp.example"));
    }

    @Test
    void disclosesOnlyChosenAndFilledInClaims() {
        String token = TestUsers.token(TestUsers.registerNew("claims"));
        as(token)
                .body(Map.of("displayName", "Alice"))
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(200);
        as(token)
                .body(Map.of("origin", "https://a.example", "claims", List.of("name", "picture")))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(200);
        as(token)
                .body(Map.of("origin", "https://b.example"))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(200);
        LoggedInUser user = user(token);
        assertEquals(Map.of("name", "Alice"), consents.disclosedClaims(user, "https://a.example"));
        assertEquals(Map.of(), consents.disclosedClaims(user, "https://b.example"));
        assertEquals(Map.of(), consents.disclosedClaims(user, "https://c.example"));
    }

    @Test
    void anyOriginAllowsEveryOriginButAnOwnGrantWins() {
        String token = TestUsers.token(TestUsers.registerNew("any"));
        as(token)
                .body(Map.of("displayName", "Bob", "avatarUrl", "https://img.example/b.png"))
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(200);
        as(token).body(Map.of("origin", "https://private.example")).when().post("/api/consents");
        as(token)
                .body(Map.of("enabled", true, "claims", List.of("picture")))
                .when()
                .put("/api/consents/any-origin")
                .then()
                .statusCode(200)
                .body("anyOrigin", equalTo(true))
                .body("anyOriginClaims", contains("picture"));
        LoggedInUser user = user(token);
        assertTrue(consents.allows(user, "https://anyone.example"));
        assertEquals(
                Map.of("picture", "https://img.example/b.png"),
                consents.disclosedClaims(user, "https://anyone.example"));
        assertEquals(Map.of(), consents.disclosedClaims(user, "https://private.example"));

        as(token)
                .body(Map.of("enabled", false))
                .when()
                .put("/api/consents/any-origin")
                .then()
                .statusCode(200);
        assertFalse(consents.allows(user, "https://anyone.example"));
        assertTrue(consents.allows(user, "https://private.example"));
    }

    @Test
    void refusesBadOriginsClaimsAndBodies() {
        String token = TestUsers.token(TestUsers.registerNew("badconsent"));
        as(token)
                .body(Map.of("origin", "http://rp.example"))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .body("message", equalTo("origin must be https (http only on loopback)"));
        as(token)
                .body(Map.of("origin", "https://rp.example", "claims", List.of("email")))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .body("message", equalTo("unknown claim 'email': expected name or picture"));
        as(token)
                .body(Map.of("claims", List.of()))
                .when()
                .put("/api/consents/any-origin")
                .then()
                .statusCode(400)
                .body("message", equalTo("enabled is required"));
        as(token)
                .body("{\"origin\":")
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .body("error", equalTo("malformed-json"));
        as(token).when().delete("/api/consents").then().statusCode(400).body("message", equalTo("origin is required"));
    }
}
