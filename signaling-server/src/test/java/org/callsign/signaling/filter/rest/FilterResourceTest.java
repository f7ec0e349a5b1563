package org.callsign.signaling.filter.rest;

import static io.restassured.RestAssured.given;
import static org.callsign.signaling.TestClients.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.callsign.signaling.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code /api/filter}: status, settings and rules of the authenticated client, and each bad request's error. */
@QuarkusTest
class FilterResourceTest {

    private String client;

    @BeforeEach
    void register() {
        client = TestClients.registerNew("filtered");
    }

    @Test
    void everyEndpointNeedsAClient() {
        given().when().get("/api/filter/status").then().statusCode(401);
        given().when().get("/api/filter/rules").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("status", "busy"))
                .when()
                .put("/api/filter/status")
                .then()
                .statusCode(401);
    }

    @Test
    void theStatusIsAvailableUntilSetAndASetOneShowsItsEnd() {
        as(client).when().get("/api/filter/status").then().statusCode(200).body("status", equalTo("available"));
        String until = Instant.now().plusSeconds(3600).toString();
        json().body(Map.of("status", "do-not-disturb", "until", until))
                .when()
                .put("/api/filter/status")
                .then()
                .statusCode(200)
                .body("status", equalTo("do-not-disturb"))
                .body("source", equalTo("set"))
                .body("until", equalTo(until));
        as(client).when().get("/api/filter/status").then().body("status", equalTo("do-not-disturb"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no such status       | {\"status\":\"asleep\"}                                    | status must be available, busy, do-not-disturb or away: asleep",
                "no status            | {}                                                       | status must be available, busy, do-not-disturb or away: null",
                "an end in the past   | {\"status\":\"busy\",\"until\":\"2020-01-01T00:00:00Z\"} | until must be in the future",
            })
    void refusesABadStatus(String name, String body, String message) {
        json().body(body)
                .when()
                .put("/api/filter/status")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid-request"))
                .body("message", equalTo(message));
    }

    @Test
    void settingsChangeFieldByFieldAndKeepTheRest() {
        as(client)
                .when()
                .get("/api/filter/settings")
                .then()
                .statusCode(200)
                .body("allowUnverified", equalTo(false))
                .body("pushShowsCaller", equalTo(false))
                .body("callsPerCallerPerHour", equalTo(10))
                .body("schedule", nullValue());
        Map<String, Object> schedule = Map.of(
                "timeZone",
                "Europe/Oslo",
                "windows",
                List.of(Map.of("days", List.of("mon", "tue"), "from", "22:00", "to", "07:00", "status", "away")));
        json().body(Map.of("pushShowsCaller", true, "schedule", schedule))
                .when()
                .put("/api/filter/settings")
                .then()
                .statusCode(200)
                .body("pushShowsCaller", equalTo(true))
                .body("callsPerCallerPerHour", equalTo(10))
                .body("schedule.windows[0].days", contains("mon", "tue"));
        json().body(Map.of("callsPerCallerPerHour", 101))
                .when()
                .put("/api/filter/settings")
                .then()
                .statusCode(400)
                .body("message", equalTo("callsPerCallerPerHour must be from 0 (no limit) to 100"));
        json().body(Map.of("schedule", Map.of("timeZone", "Nowhere/Else", "windows", List.of())))
                .when()
                .put("/api/filter/settings")
                .then()
                .statusCode(400)
                .body("message", equalTo("schedule.timeZone is not a time zone: Nowhere/Else"));
        as(client).when().get("/api/filter/settings").then().body("pushShowsCaller", equalTo(true));
    }

    @Test
    void rulesAreAddedListedInPagesAndRemoved() {
        json().body(Map.of(
                        "rules",
                        List.of(
                                Map.of("action", "block", "pattern", "*@Spam.example"),
                                Map.of("action", "allow", "pattern", "alice@idp-a.example"),
                                Map.of("action", "block", "pattern", "192.0.2.0/24"),
                                Map.of("action", "allow", "pattern", "idp:idp-a.example"))))
                .when()
                .post("/api/filter/rules")
                .then()
                .statusCode(200)
                .body("total", equalTo(4))
                .body("rules[0].pattern", equalTo("*@spam.example"))
                .body("rules[0].kind", equalTo("domain"));
        as(client)
                .queryParam("limit", 3)
                .when()
                .get("/api/filter/rules")
                .then()
                .statusCode(200)
                .body("rules.pattern", contains("*@spam.example", "192.0.2.0/24", "alice@idp-a.example"))
                .body("next", equalTo("alice@idp-a.example"));
        as(client)
                .queryParam("after", "alice@idp-a.example")
                .when()
                .get("/api/filter/rules")
                .then()
                .body("rules.pattern", contains("idp:idp-a.example"))
                .body("rules[0].kind", equalTo("idp"))
                .body("next", nullValue());
        as(client)
                .queryParam("pattern", "192.0.2.0/24")
                .when()
                .delete("/api/filter/rules")
                .then()
                .statusCode(204);
        as(client)
                .queryParam("pattern", "192.0.2.0/24")
                .when()
                .delete("/api/filter/rules")
                .then()
                .statusCode(404)
                .body("error", equalTo("not-found"));
        as(client).when().get("/api/filter/rules").then().body("total", equalTo(3));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no rules            | {\"rules\":[]}                                       | rules must hold at least one rule",
                "no action           | {\"rules\":[{\"pattern\":\"a@b.example\"}]}              | each rule's action is allow or block",
                "an action of no kind | {\"rules\":[{\"action\":\"deny\",\"pattern\":\"a@b.example\"}]} | each rule's action is allow or block",
                "a pattern of no form | {\"rules\":[{\"action\":\"block\",\"pattern\":\"spam\"}]} | not a rule pattern (user@domain, *@domain, idp:domain or a CIDR block): spam",
                "a wildcard inside    | {\"rules\":[{\"action\":\"block\",\"pattern\":\"*@*.example\"}]} | not a rule pattern (user@domain, *@domain, idp:domain or a CIDR block): *@*.example",
            })
    void refusesBadRulesAndKeepsNone(String name, String body, String message) {
        json().body(body)
                .when()
                .post("/api/filter/rules")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid-request"))
                .body("message", equalTo(message));
        as(client).when().get("/api/filter/rules").then().body("total", equalTo(0));
    }

    @Test
    void aBatchWithOneBadRuleAddsNone() {
        json().body(Map.of(
                        "rules",
                        List.of(
                                Map.of("action", "block", "pattern", "a@b.example"),
                                Map.of("action", "block", "pattern", "10.0.0.0/33"))))
                .when()
                .post("/api/filter/rules")
                .then()
                .statusCode(400)
                .body("message", equalTo("prefix out of range: 10.0.0.0/33"));
        as(client).when().get("/api/filter/rules").then().body("total", equalTo(0));
    }

    @Test
    void refusesPagesOutOfRange() {
        as(client).queryParam("limit", 0).when().get("/api/filter/rules").then().statusCode(400);
        as(client)
                .queryParam("limit", 1001)
                .when()
                .get("/api/filter/rules")
                .then()
                .statusCode(400);
        as(client).when().delete("/api/filter/rules").then().statusCode(400);
    }

    private RequestSpecification json() {
        return as(client).contentType(ContentType.JSON);
    }
}
