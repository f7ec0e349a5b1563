package org.callsign.signaling.token;

import static io.restassured.RestAssured.given;
import static org.callsign.signaling.TestClients.KEY;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.callsign.signaling.TestClients;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Basic auth, bearer tokens (issue, use, expiry, revocation) and every refusal of a credential. */
@QuarkusTest
class TokenResourceTest {

    @Inject
    MutableClock clock;

    private static void refused(ValidatableResponse response, int status, String error, String message) {
        response.statusCode(status).body("error", equalTo(error)).body("message", equalTo(message));
    }

    private static ValidatableResponse me(String clientId, String authorization) {
        return given().header("Authorization", authorization)
                .when()
                .get("/api/clients/" + clientId)
                .then();
    }

    @Test
    void basicCredentialsIssueAnOpaqueTokenThatIsNotCached() {
        String id = TestClients.registerNew("basic");
        TestClients.as(id)
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("access_token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(86400))
                .body("clientID", equalTo(id));
    }

    @Test
    void aJsonBodyWithTheSameCredentialsIssuesATokenAsRtcdDoes() {
        String id = TestClients.registerNew("json");
        String token = given().contentType(ContentType.JSON)
                .body(Map.of("clientID", id, "authKey", KEY))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        me(id, "Bearer " + token).statusCode(200).body("clientID", equalTo(id));
    }

    @Test
    void credentialsSentTwiceAreRefused() {
        String id = TestClients.registerNew("twice");
        refused(
                TestClients.as(id)
                        .contentType(ContentType.JSON)
                        .body(Map.of("clientID", id, "authKey", KEY))
                        .when()
                        .post("/api/tokens")
                        .then(),
                400,
                "invalid-request",
                "send the credentials once: Basic auth or a JSON body, not both");
    }

    @Test
    void aTokenDoesNotBuyAnotherToken() {
        String id = TestClients.registerNew("chain");
        refused(
                TestClients.bearer(TestClients.token(id))
                        .when()
                        .post("/api/tokens")
                        .then(),
                401,
                "not-authenticated",
                "a token is issued for the client id and key, not for another token");
    }

    @Test
    void wrongKeyAndUnknownClientAreTheSameRefusalWithBothChallenges() {
        String id = TestClients.registerNew("wrong");
        for (String user : new String[] {id, "nobody-at-all"}) {
            given().auth()
                    .preemptive()
                    .basic(user, KEY.replace('k', 'K'))
                    .when()
                    .post("/api/tokens")
                    .then()
                    .statusCode(401)
                    .body("error", equalTo("invalid-credentials"))
                    .body("message", equalTo("wrong client id or key"))
                    .header("WWW-Authenticate", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void withoutCredentialsTheAnswerChallengesForBasicAndBearer() {
        given().when()
                .get("/api/devices")
                .then()
                .statusCode(401)
                .body("error", equalTo("not-authenticated"))
                .body("message", equalTo("authenticate with Basic (client id and key) or a bearer token"))
                .extract()
                .headers()
                .getValues("WWW-Authenticate")
                .containsAll(java.util.List.of(
                        "Basic realm=\"callsign-signaling\", charset=\"UTF-8\"",
                        "Bearer realm=\"callsign-signaling\""));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Basic !!!notbase64 | invalid-credentials | Basic credentials are not base64",
                "Basic bm8tY29sb24= | invalid-credentials | Basic credentials have no ':' between client id and key",
                "Basic /w== | invalid-credentials | Basic credentials are not UTF-8",
                "Bearer not-a-token | invalid-token | bearer token is invalid, expired or revoked",
                "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA | invalid-token | bearer token is invalid, expired or revoked",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0. | invalid-token | bearer token is invalid, expired or revoked",
                "Digest username=x | not-authenticated | unsupported authorization scheme: use Basic or Bearer"
            })
    void malformedOrUnknownCredentialsAreTypedRefusals(String authorization, String error, String message) {
        refused(me(TestClients.OWNER, authorization), 401, error, message);
    }

    @Test
    void anInvalidTokenGetsTheBearerErrorChallenge() {
        me(TestClients.OWNER, "Bearer " + "A".repeat(43))
                .header("WWW-Authenticate", "Bearer realm=\"callsign-signaling\", error=\"invalid_token\"");
    }

    @Test
    void aTokenExpiresAfterItsLifetime() {
        String id = TestClients.registerNew("expiring");
        String token = TestClients.token(id);
        clock.advance(Duration.ofHours(23));
        me(id, "Bearer " + token).statusCode(200);
        clock.advance(Duration.ofHours(1));
        refused(me(id, "Bearer " + token), 401, "invalid-token", "bearer token is invalid, expired or revoked");
    }

    @Test
    void revokingTheCurrentTokenLeavesTheOthers() {
        String id = TestClients.registerNew("revoke-one");
        String one = TestClients.token(id);
        String two = TestClients.token(id);
        TestClients.bearer(one).when().delete("/api/tokens/current").then().statusCode(204);
        me(id, "Bearer " + one).statusCode(401);
        me(id, "Bearer " + two).statusCode(200);
        refused(
                TestClients.as(id).when().delete("/api/tokens/current").then(),
                400,
                "invalid-request",
                "present the token to revoke as a bearer token");
    }

    @Test
    void revokingAllTokensOfAClientLeavesOtherClients() {
        String id = TestClients.registerNew("revoke-all");
        String other = TestClients.registerNew("bystander");
        String one = TestClients.token(id);
        String two = TestClients.token(id);
        String theirs = TestClients.token(other);
        TestClients.as(id).when().delete("/api/tokens").then().statusCode(204);
        me(id, "Bearer " + one).statusCode(401);
        me(id, "Bearer " + two).statusCode(401);
        me(other, "Bearer " + theirs).statusCode(200);
        me(id, "Basic " + Base64.getEncoder().encodeToString((id + ":" + KEY).getBytes()))
                .statusCode(200);
    }

    @Test
    void openApiDocumentsTheEndpoints() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.keySet()",
                        hasItems(
                                "/api/clients",
                                "/api/clients/{clientID}",
                                "/api/clients/{clientID}/key",
                                "/api/tokens",
                                "/api/tokens/current",
                                "/api/devices",
                                "/api/devices/{id}",
                                "/api/devices/{id}/verified",
                                "/api/authorized-fingerprints",
                                "/api/authorized-fingerprints/{fingerprint}"));
    }
}
