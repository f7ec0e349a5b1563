package org.callsign.signaling.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callsign.signaling.turn.service.IceServer;
import org.callsign.signaling.turn.service.TurnCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TurnCredentialsTest {
    private static final String SECRET = "turn-shared-secret-0123456789abcdef";
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void usernameIsExpiryColonUserAndPasswordIsTheHmacOfIt() {
        IceServer server = new TurnCredentials(SECRET)
                .issue("device-1", NOW, Duration.ofHours(1), List.of("turn:turn.example:3478"));

        assertEquals("1893459600:device-1", server.username());
        // base64(HMAC-SHA1(secret, username)), computed independently with openssl:
        // printf '1893459600:device-1' | openssl dgst -sha1 -hmac "$SECRET" -binary | base64
        assertEquals("E0fVrkvD1o3PtDRqvq3oYSW4eks=", server.credential());
        assertEquals(List.of("turn:turn.example:3478"), server.urls());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has:colon"})
    void refusesUserIdsThatWouldBreakTheUsername(String user) {
        TurnCredentials credentials = new TurnCredentials(SECRET);
        assertThrows(
                IllegalArgumentException.class,
                () -> credentials.issue(user, NOW, Duration.ofHours(1), List.of("turn:turn.example")));
    }

    @Test
    void refusesAShortSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TurnCredentials("short"));
        assertEquals("the TURN shared secret must have at least 32 characters", e.getMessage());
    }
}
