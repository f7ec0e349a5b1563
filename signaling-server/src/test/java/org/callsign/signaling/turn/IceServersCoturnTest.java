package org.callsign.signaling.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.turn.service.IceServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials obtained from {@code GET /api/ice-servers}, presented to the real coturn that the endpoint names (started
 * by {@link CoturnTestResource} with the application's secret): they get a relay, and tampered ones do not.
 */
@QuarkusTest
@TestProfile(CoturnProfile.class)
class IceServersCoturnTest {

    @BeforeEach
    void needsCoturn() {
        Coturn.assumeInstalled();
    }

    /** The TURN entry that the endpoint hands a new client. */
    private static IceServer turnServer() {
        JsonPath answer = TestClients.as(TestClients.registerNew("turn"))
                .when()
                .get("/api/ice-servers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return new IceServer(
                answer.getList("iceServers[-1].urls", String.class),
                answer.getString("iceServers[-1].username"),
                answer.getString("iceServers[-1].credential"));
    }

    private static TurnClient.Message allocate(IceServer server, String username, String password) throws Exception {
        try (TurnClient client =
                new TurnClient(TurnClient.addressOf(server.urls().get(0)))) {
            return client.allocate(username, password);
        }
    }

    private static void refused(TurnClient.Message answer) {
        assertEquals(TurnClient.ALLOCATE_ERROR, answer.type());
        assertEquals(401, answer.errorCode());
    }

    @Test
    void credentialsFromTheEndpointGetARelayAllocation() throws Exception {
        IceServer server = turnServer();

        TurnClient.Message answer = allocate(server, server.username(), server.credential());

        assertEquals(TurnClient.ALLOCATE_SUCCESS, answer.type(), "error " + answer.errorCode());
        assertTrue(answer.attributes().containsKey(TurnClient.XOR_RELAYED_ADDRESS));
    }

    @Test
    void aTamperedPasswordIsRefused() throws Exception {
        IceServer server = turnServer();
        String password = server.credential();
        String tampered = (password.charAt(0) == 'A' ? 'B' : 'A') + password.substring(1);

        refused(allocate(server, server.username(), tampered));
    }

    @Test
    void aLaterExpiryWithTheIssuedPasswordIsRefused() throws Exception {
        IceServer server = turnServer();
        String[] parts = server.username().split(":", 2);
        String extended = (Long.parseLong(parts[0]) + 86_400) + ":" + parts[1];

        refused(allocate(server, extended, server.credential()));
    }

    @Test
    void anotherUserWithTheIssuedPasswordIsRefused() throws Exception {
        IceServer server = turnServer();
        String expiry = server.username().split(":", 2)[0];

        refused(allocate(server, expiry + ":someone-else", server.credential()));
    }
}
