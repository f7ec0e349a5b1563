package org.callsign.signaling.client;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.callsign.signaling.TestClients;
import org.junit.jupiter.api.Test;

/** Closed registration still admits the bootstrap: the first client of an empty server, from loopback. */
@QuarkusTest
@TestProfile(BootstrapProfile.class)
class BootstrapTest {

    @Test
    void closedRegistrationAdmitsOnlyTheFirstLoopbackClientAsOwner() {
        TestClients.registerAsAnyone("installer", false).statusCode(201).body("owner", equalTo(true));
        TestClients.registerAsAnyone("latecomer", false).statusCode(403).body("error", equalTo("registration-closed"));
        TestClients.as("installer")
                .contentType(ContentType.JSON)
                .body(TestClients.registration("invited", TestClients.KEY))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .body("owner", equalTo(false));
    }
}
