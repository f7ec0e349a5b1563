package org.callsign.signaling.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callsign.signaling.turn.service.IceServer;
import org.callsign.signaling.turn.service.TurnCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credentials the server hands out, presented to a real coturn by a TURN client asking for a relay. */
class TurnCredentialsCoturnTest {
    private static final String SECRET = "turn-shared-secret-0123456789abcdef";

    @TempDir
    static Path dir;

    private static Coturn coturn;

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = Coturn.start(SECRET, dir);
    }

    @AfterAll
    static void stopCoturn() throws Exception {
        if (coturn != null) {
            coturn.close();
        }
    }

    private static TurnClient.Message allocate(IceServer server) throws Exception {
        try (TurnClient client = new TurnClient(coturn.address())) {
            return client.allocate(server.username(), server.credential());
        }
    }

    @Test
    void issuedCredentialsGetARelayAllocation() throws Exception {
        IceServer server = new TurnCredentials(SECRET)
                .issue("device-1", Instant.now(), Duration.ofMinutes(10), List.of(coturn.url()));

        TurnClient.Message answer = allocate(server);

        assertEquals(TurnClient.ALLOCATE_SUCCESS, answer.type(), "error " + answer.errorCode());
        assertTrue(answer.attributes().containsKey(TurnClient.XOR_RELAYED_ADDRESS));
    }

    @Test
    void credentialsFromAnotherSecretAreRefused() throws Exception {
        IceServer server = new TurnCredentials("another-secret-0123456789abcdef-xyz")
                .issue("device-1", Instant.now(), Duration.ofMinutes(10), List.of(coturn.url()));

        TurnClient.Message answer = allocate(server);

        assertEquals(TurnClient.ALLOCATE_ERROR, answer.type());
        assertEquals(401, answer.errorCode());
    }

    @Test
    void expiredCredentialsAreRefused() throws Exception {
        IceServer server = new TurnCredentials(SECRET)
                .issue(
                        "device-1",
                        Instant.now().minus(Duration.ofHours(2)),
                        Duration.ofHours(1),
                        List.of(coturn.url()));

        TurnClient.Message answer = allocate(server);

        assertEquals(TurnClient.ALLOCATE_ERROR, answer.type());
        assertEquals(401, answer.errorCode());
    }
}
