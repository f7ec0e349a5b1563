package org.callsign.signaling.client;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.callsign.signaling.TestClients;
import org.junit.jupiter.api.Test;

/**
 * Open registration: anyone registers plain clients; the first client of the empty server, from loopback, is the
 * owner (the bootstrap); nobody else makes themselves an owner.
 */
@QuarkusTest
@TestProfile(OpenRegistrationProfile.class)
class OpenRegistrationTest {

    @Test
    void theFirstLoopbackClientOwnsTheServerAndLaterOnesDoNot() {
        TestClients.registerAsAnyone("first", false).statusCode(201).body("owner", equalTo(true));
        TestClients.registerAsAnyone("second", false).statusCode(201).body("owner", equalTo(false));
        TestClients.registerAsAnyone("third", true)
                .statusCode(403)
                .body("error", equalTo("not-allowed"))
                .body("message", equalTo("only the admin secret or an owner can register an owner"));
    }
}
