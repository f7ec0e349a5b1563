package org.callsign.signaling.push.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.callsign.signaling.push.service.PushRetry.Action;
import org.callsign.signaling.push.service.PushRetry.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What follows each answer of a push service: delivered, retried with back-off, deleted, or dropped. */
class PushRetryTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final CallNotification RINGING =
            new CallNotification(CallNotification.Kind.INCOMING_CALL, "call-1", null, NOW.plusSeconds(45));
    private static final CallNotification MISSED =
            new CallNotification(CallNotification.Kind.MISSED_CALL, "call-1", null, NOW);

    private static Decision decide(CallNotification notification, int attempt, int status) {
        return PushRetry.decide(notification, attempt, status, Optional.empty(), NOW);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "200, DELIVERED",
        "201, DELIVERED",
        "202, DELIVERED",
        "404, GONE",
        "410, GONE",
        "400, DROP",
        "401, DROP",
        "403, DROP",
        "413, DROP",
        "301, DROP",
        "429, RETRY",
        "500, RETRY",
        "502, RETRY",
        "503, RETRY",
        "-1, RETRY"
    })
    void eachStatusHasItsAction(int status, Action action) {
        assertEquals(action, decide(RINGING, 1, status).action());
    }

    @ParameterizedTest(name = "after attempt {0}: {1} ms")
    @CsvSource({"1, 1000", "2, 2000"})
    void backOffDoublesFromOneSecond(int attempt, long millis) {
        assertEquals(Duration.ofMillis(millis), decide(MISSED, attempt, 503).delay());
    }

    @Test
    void givesUpAfterTheThirdAttempt() {
        Decision decision = decide(MISSED, PushRetry.MAX_ATTEMPTS, 503);

        assertEquals(Action.DROP, decision.action());
        assertEquals("status 503 after 3 attempts", decision.reason());
    }

    @Test
    void honoursRetryAfter() {
        Decision decision = PushRetry.decide(MISSED, 1, 429, Optional.of(Duration.ofSeconds(7)), NOW);

        assertEquals(Action.RETRY, decision.action());
        assertEquals(Duration.ofSeconds(7), decision.delay());
    }

    @Test
    void capsALongRetryAfter() {
        Decision decision = PushRetry.decide(MISSED, 1, 503, Optional.of(Duration.ofHours(2)), NOW);

        assertEquals(PushRetry.MAX_RETRY_AFTER, decision.delay());
    }

    @Test
    void neverRetriesAnIncomingCallPastItsRinging() {
        Decision decision = PushRetry.decide(RINGING, 1, 429, Optional.of(Duration.ofSeconds(45)), NOW);

        assertEquals(Action.DROP, decision.action());
        assertEquals("status 429; a retry would come after the call stops ringing", decision.reason());
    }

    @Test
    void retriesAnIncomingCallThatStillRingsAfterTheBackOff() {
        Decision decision = PushRetry.decide(RINGING, 1, 503, Optional.of(Duration.ofSeconds(44)), NOW);

        assertEquals(Action.RETRY, decision.action());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {"120 | 120", " 5  | 5", "Tue, 01 Jan 2030 00:00:30 GMT | 30", "Mon, 31 Dec 2029 23:00:00 GMT | 0"})
    void readsRetryAfterAsSecondsOrADate(String value, long seconds) {
        assertEquals(Optional.of(Duration.ofSeconds(seconds)), PushRetry.retryAfter(value, NOW));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"soon", "-5", "1.5"})
    void ignoresARetryAfterItCannotRead(String value) {
        assertEquals(Optional.empty(), PushRetry.retryAfter(value, NOW));
    }
}
