package org.callsign.signaling.turn;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.turn.service.TurnCredentials;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** {@code GET /api/ice-servers} with STUN and TURN configured. */
@QuarkusTest
@TestProfile(TurnProfile.class)
class IceServerResourceTest {

    private static final TurnCredentials CREDENTIALS = new TurnCredentials(TurnProfile.SECRET);

    @Inject
    MutableClock clock;

    @Test
    void handsOutStunThenTurnWithCredentialsOfTheConfiguredLifetime() {
        String clientId = TestClients.registerNew("ice");
        long expiry = clock.instant().plus(Duration.ofMinutes(30)).getEpochSecond();

        JsonPath answer = TestClients.as(clientId)
                .when()
                .get("/api/ice-servers")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("iceServers[0].urls", equalTo(List.of(TurnProfile.STUN)))
                .body("iceServers[0]", not(hasKey("username")))
                .body("iceServers[0]", not(hasKey("credential")))
                .body("iceServers[1].urls", equalTo(List.of(TurnProfile.TURN_UDP, TurnProfile.TURNS_TCP)))
                .body("expires", equalTo(Instant.ofEpochSecond(expiry).toString()))
                .extract()
                .jsonPath();

        String username = answer.getString("iceServers[1].username");
        assertEquals(expiry + ":" + CREDENTIALS.pseudonym(clientId), username);
        assertEquals(CREDENTIALS.password(username), answer.getString("iceServers[1].credential"));
        assertFalse(username.contains(clientId), "the TURN username must not carry the client id");
    }

    @Test
    void aClientKeepsItsPseudonymAndAnotherGetsAnother() {
        String alice = TestClients.registerNew("alice");
        String bob = TestClients.registerNew("bob");

        String first =
                userPart(TestClients.as(alice).when().get("/api/ice-servers").jsonPath());
        String again = userPart(TestClients.bearer(TestClients.token(alice))
                .when()
                .get("/api/ice-servers")
                .jsonPath());
        String other =
                userPart(TestClients.as(bob).when().get("/api/ice-servers").jsonPath());

        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void limitsRequestsPerClient() {
        String busy = TestClients.registerNew("busy");
        String token = TestClients.token(busy);
        for (int i = 0; i < 5; i++) {
            TestClients.bearer(token).when().get("/api/ice-servers").then().statusCode(200);
        }
        TestClients.bearer(token)
                .when()
                .get("/api/ice-servers")
                .then()
                .statusCode(429)
                .header("Retry-After", equalTo("12"))
                .body("error", equalTo("rate-limited"))
                .body("message", equalTo("too many ICE server requests for this client"));
        String calm = TestClients.registerNew("calm");
        TestClients.as(calm).when().get("/api/ice-servers").then().statusCode(200);
    }

    @Test
    void needsCredentials() {
        given().when().get("/api/ice-servers").then().statusCode(401).body("error", equalTo("not-authenticated"));
        given().header("Authorization", "Bearer not-a-token")
                .when()
                .get("/api/ice-servers")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid-token"));
    }

    private static String userPart(JsonPath answer) {
        return answer.getString("iceServers[1].username").split(":", 2)[1];
    }
}
