package org.callsign.signaling.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.callsign.signaling.LowLimitsProfile;
import org.callsign.signaling.TestClients;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every credential check is rate-limited: per client, per address, and the server-wide bcrypt budget. */
@QuarkusTest
@TestProfile(LowLimitsProfile.class)
class RateLimitTest {

    @Inject
    MutableClock clock;

    @BeforeEach
    void forgetEarlierTests() {
        // Past every lockout, with every bucket refilled.
        clock.advance(Duration.ofMinutes(10));
    }

    private static ValidatableResponse login(String clientId, String key) {
        return given().auth()
                .preemptive()
                .basic(clientId, key)
                .when()
                .post("/api/tokens")
                .then();
    }

    private static void limited(ValidatableResponse response, int seconds, String message) {
        response.statusCode(429)
                .header("Retry-After", equalTo(Integer.toString(seconds)))
                .body("error", equalTo("rate-limited"))
                .body("message", equalTo(message));
    }

    private static final String WRONG = "wrong-key-0123456789-abcdefghijk";

    @Test
    void locksAClientOutAfterFailuresEvenForTheRightKeyThenBacksOff() {
        String id = TestClients.registerNew("lock");
        for (int i = 0; i < 3; i++) {
            login(id, WRONG).statusCode(401);
        }
        limited(login(id, TestClients.KEY), 30, "too many failed key checks for this client");
        clock.advance(Duration.ofSeconds(30));
        login(id, WRONG).statusCode(401);
        limited(login(id, TestClients.KEY), 60, "too many failed key checks for this client");
        clock.advance(Duration.ofSeconds(60));
        login(id, TestClients.KEY).statusCode(200);
    }

    @Test
    void unknownClientsAreLockedOutJustLikeRealOnes() {
        String nobody = TestClients.uniqueId("ghost");
        for (int i = 0; i < 3; i++) {
            login(nobody, WRONG).statusCode(401).body("error", equalTo("invalid-credentials"));
        }
        limited(login(nobody, WRONG), 30, "too many failed key checks for this client");
    }

    @Test
    void locksAnAddressOutAfterFailuresAcrossClients() {
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofMillis(300));
            login(TestClients.uniqueId("spray"), WRONG).statusCode(401);
        }
        limited(login(TestClients.uniqueId("spray"), WRONG), 30, "too many failed credential checks from this address");
    }

    @Test
    void wrongAdminSecretsCountAsFailuresOfTheAddress() {
        for (int i = 0; i < 6; i++) {
            given().contentType(ContentType.JSON)
                    .header("X-Callsign-Admin-Secret", "guess-" + i + "-0123456789abcdefghijklmnop")
                    .body(TestClients.registration(TestClients.uniqueId("guess"), TestClients.KEY))
                    .when()
                    .post("/api/clients")
                    .then()
                    .statusCode(401);
        }
        limited(
                given().contentType(ContentType.JSON)
                        .header("X-Callsign-Admin-Secret", TestClients.ADMIN_SECRET)
                        .body(TestClients.registration(TestClients.uniqueId("guess"), TestClients.KEY))
                        .when()
                        .post("/api/clients")
                        .then(),
                30,
                "too many failed credential checks from this address");
    }

    @Test
    void theServerWideKeyCheckBudgetRefusesTheExcessBeforeHashing() {
        String id = TestClients.registerNew("storm");
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            login(id, TestClients.KEY).statusCode(200);
        }
        limited(login(id, TestClients.KEY), 1, "too many key checks on this server; retry later");
        clock.advance(Duration.ofMillis(200));
        login(id, TestClients.KEY).statusCode(200);
    }

    @Test
    void bearerTokensCostNoKeyCheck() {
        String id = TestClients.registerNew("reconnect");
        String token = TestClients.token(id);
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) {
            login(id, TestClients.KEY).statusCode(200);
        }
        // The budget is spent; a reconnecting device with a token is still served.
        TestClients.bearer(token).when().get("/api/clients/" + id).then().statusCode(200);
    }

    @Test
    void aClientHasAtMostTheConfiguredNumberOfDevices() {
        String id = TestClients.registerNew("gadgets");
        for (int i = 1; i <= 3; i++) {
            ValidatableResponse response = TestClients.as(id)
                    .contentType(ContentType.JSON)
                    .body(Map.of("name", "Device " + i, "kind", "browser", "fingerprint", ("0" + i).repeat(32)))
                    .when()
                    .post("/api/devices")
                    .then();
            if (i <= 2) {
                response.statusCode(201);
            } else {
                response.statusCode(409)
                        .body("error", equalTo("too-many-devices"))
                        .body("message", equalTo("a client has at most 2 devices"));
            }
            clock.advance(Duration.ofSeconds(1));
        }
    }
}
