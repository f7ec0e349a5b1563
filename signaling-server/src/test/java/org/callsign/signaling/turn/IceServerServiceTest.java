package org.callsign.signaling.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.callsign.server.limit.RequestRateLimiter;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.turn.service.IceServerService;
import org.callsign.signaling.turn.service.IceServers;
import org.junit.jupiter.api.Test;

/** The {@code callsign.signaling.turn} settings that stop the server at startup, and what it hands out without TURN. */
class IceServerServiceTest {

    private static final String SECRET = "turn-shared-secret-0123456789abcdef";
    private static final List<String> TURN = List.of("turn:turn.example.org:3478");

    /** The settings as a record, in place of the configuration. */
    private record Settings(
            Optional<List<String>> urls,
            Optional<List<String>> stunUrls,
            Optional<String> secret,
            Duration ttl,
            int requestsPerMinute)
            implements SignalingConfig.Turn {

        static Settings of(List<String> urls, String secret, Duration ttl) {
            return new Settings(
                    Optional.ofNullable(urls),
                    Optional.of(List.of("stun:stun.example.org")),
                    Optional.ofNullable(secret),
                    ttl,
                    30);
        }
    }

    /** The service of one process, as without a cluster. */
    private static IceServerService service(Settings settings) {
        Clock clock = Clock.systemUTC();
        return new IceServerService(settings, new RequestRateLimiter(settings.requestsPerMinute(), clock), clock);
    }

    private static String refusal(Settings settings) {
        return assertThrows(RuntimeException.class, () -> service(settings)).getMessage();
    }

    @Test
    void refusesAShortSecretWithoutQuotingIt() {
        String message = refusal(Settings.of(TURN, "short-secret", Duration.ofHours(1)));
        assertEquals("callsign.signaling.turn.secret must have at least 32 characters", message);
        assertFalse(message.contains("short-secret"));
    }

    @Test
    void refusesTurnUrlsWithoutASecretAndTheReverse() {
        String expected = "callsign.signaling.turn.urls and callsign.signaling.turn.secret must be set together";
        assertEquals(expected, refusal(Settings.of(TURN, null, Duration.ofHours(1))));
        assertEquals(expected, refusal(Settings.of(null, SECRET, Duration.ofHours(1))));
    }

    @Test
    void refusesALifetimeOutsideOneMinuteToOneDay() {
        assertEquals(
                "callsign.signaling.turn.ttl must be between 1m and 24h: PT59S",
                refusal(Settings.of(TURN, SECRET, Duration.ofSeconds(59))));
        assertEquals(
                "callsign.signaling.turn.ttl must be between 1m and 24h: PT24H1S",
                refusal(Settings.of(TURN, SECRET, Duration.ofHours(24).plusSeconds(1))));
    }

    @Test
    void refusesABadUrlNamingItsKey() {
        assertEquals(
                "callsign.signaling.turn.urls: 'http://turn.example.org' is not a turn: or turns: URL (RFC 7065)",
                refusal(Settings.of(List.of("http://turn.example.org"), SECRET, Duration.ofHours(1))));
    }

    @Test
    void withoutTurnHandsOutStunOnlyAndNoExpiry() {
        IceServers servers =
                service(Settings.of(null, null, Duration.ofHours(1))).forClient("alice");
        assertEquals(1, servers.iceServers().size());
        assertEquals(
                List.of("stun:stun.example.org"), servers.iceServers().get(0).urls());
        assertNull(servers.iceServers().get(0).username());
        assertNull(servers.expires());
    }
}
