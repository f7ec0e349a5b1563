package org.callsign.idp.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.callsign.idp.MutableClock;
import org.callsign.idp.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(LowLimitsProfile.class)
class RateLimitTest {

    @Inject
    MutableClock clock;

    @BeforeEach
    void forgetEarlierTests() {
        // Past every lockout and with every bucket refilled.
        clock.advance(Duration.ofMinutes(10));
    }

    private static ValidatableResponse login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when()
                .post("/api/tokens")
                .then();
    }

    private static void lockedOut(String username, String password, int seconds, String message) {
        login(username, password)
                .statusCode(429)
                .header("Retry-After", equalTo(Integer.toString(seconds)))
                .body("error", equalTo("rate-limited"))
                .body("message", equalTo(message));
    }

    @Test
    void locksAnAccountOutAfterFailuresEvenForTheRightPasswordThenBacksOff() {
        String name = TestUsers.registerNew("lock");
        for (int i = 0; i < 3; i++) {
            login(name, "wrong password").statusCode(401);
        }
        lockedOut(name, TestUsers.PASSWORD, 30, "too many failed logins for this account");
        clock.advance(Duration.ofSeconds(20));
        lockedOut(name, TestUsers.PASSWORD, 10, "too many failed logins for this account");
        clock.advance(Duration.ofSeconds(10));

        login(name, "wrong password").statusCode(401);
        lockedOut(name, TestUsers.PASSWORD, 60, "too many failed logins for this account");
        clock.advance(Duration.ofSeconds(60));

        login(name, TestUsers.PASSWORD).statusCode(200);
        login(name, "wrong password").statusCode(401);
        login(name, TestUsers.PASSWORD).statusCode(200);
    }

    @Test
    void unknownUsersAreLockedOutJustLikeRealOnes() {
        String nobody = TestUsers.uniqueName("ghost");
        for (int i = 0; i < 3; i++) {
            login(nobody, "wrong password").statusCode(401).body("error", equalTo("invalid-credentials"));
        }
        lockedOut(nobody, "wrong password", 30, "too many failed logins for this account");
    }

    @Test
    void locksAnAddressOutAfterFailuresAcrossAccounts() {
        for (int i = 0; i < 6; i++) {
            login(TestUsers.uniqueName("spray"), "wrong password").statusCode(401);
        }
        String name = TestUsers.registerNew("bystander");
        lockedOut(name, TestUsers.PASSWORD, 30, "too many failed logins from this address");
        clock.advance(Duration.ofSeconds(30));
        login(name, TestUsers.PASSWORD).statusCode(200);
    }

    @Test
    void limitsTheRequestRatePerAddress() {
        for (int i = 0; i < 20; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("username", "x@y", "password", "irrelevant"))
                    .when()
                    .post("/api/accounts")
                    .then()
                    .statusCode(400);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("username", "x@y", "password", "irrelevant"))
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(429)
                .header("Retry-After", equalTo("3"))
                .body("error", equalTo("rate-limited"))
                .body("message", equalTo("too many requests from this address"));
    }
}
