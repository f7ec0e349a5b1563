package org.callsign.signaling.turn;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.callsign.signaling.TestClients;
import org.junit.jupiter.api.Test;

/** {@code GET /api/ice-servers} with neither STUN nor TURN configured (the default). */
@QuarkusTest
class IceServerResourceWithoutTurnTest {

    @Test
    void answersAnEmptyListWithoutExpiry() {
        TestClients.as(TestClients.registerNew("no-turn"))
                .when()
                .get("/api/ice-servers")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("iceServers", empty())
                .body("$", not(hasKey("expires")));
    }
}
