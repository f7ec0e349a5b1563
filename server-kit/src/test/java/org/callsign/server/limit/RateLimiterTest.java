package org.callsign.server.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @Test
    void allowsABurstThenRefillsAtTheRate() {
        RequestRateLimiter limiter = new RequestRateLimiter(6, clock);
        for (int i = 0; i < 6; i++) {
            assertEquals(Optional.empty(), limiter.acquire("10.0.0.1"), "request " + i);
        }
        assertEquals(Optional.of(Duration.ofSeconds(10)), limiter.acquire("10.0.0.1"));
        assertEquals(Optional.empty(), limiter.acquire("10.0.0.2"), "another address has its own bucket");
        clock.advance(Duration.ofSeconds(10));
        assertEquals(Optional.empty(), limiter.acquire("10.0.0.1"));
        assertTrue(limiter.acquire("10.0.0.1").isPresent());
    }

    @Test
    void refillsOverTheGivenPeriod() {
        RequestRateLimiter limiter = new RequestRateLimiter(4, Duration.ofSeconds(1), clock);
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), limiter.acquire("all"), "request " + i);
        }
        assertEquals(Optional.of(Duration.ofMillis(250)), limiter.acquire("all"));
        clock.advance(Duration.ofMillis(250));
        assertEquals(Optional.empty(), limiter.acquire("all"));
        assertTrue(limiter.acquire("all").isPresent());
    }

    @Test
    void refusesAnEmptyBucketOrPeriod() {
        IllegalArgumentException none = assertThrows(
                IllegalArgumentException.class, () -> new RequestRateLimiter(0, Duration.ofSeconds(1), clock));
        assertEquals("requests per PT1S must be at least 1: 0", none.getMessage());
        IllegalArgumentException perMinute =
                assertThrows(IllegalArgumentException.class, () -> new RequestRateLimiter(0, clock));
        assertEquals("requests per minute must be at least 1: 0", perMinute.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RequestRateLimiter(1, Duration.ZERO, clock));
    }

    @Test
    void pruneDropsOnlyFullBuckets() {
        RequestRateLimiter limiter = new RequestRateLimiter(6, clock);
        limiter.acquire("a");
        assertEquals(0, limiter.prune());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(1, limiter.prune());
    }

    @Test
    void locksOutAfterTheThresholdAndDoublesUpToTheMaximum() {
        FailureBackoff backoff = new FailureBackoff(3, Duration.ofSeconds(30), Duration.ofMinutes(2), clock);
        assertEquals(Optional.empty(), backoff.recordFailure("alice"));
        assertEquals(Optional.empty(), backoff.recordFailure("alice"));
        assertEquals(Optional.empty(), backoff.lockedFor("alice"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), backoff.recordFailure("alice"));
        assertEquals(Optional.of(Duration.ofSeconds(30)), backoff.lockedFor("alice"));
        clock.advance(Duration.ofSeconds(29));
        assertEquals(Optional.of(Duration.ofSeconds(1)), backoff.lockedFor("alice"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.empty(), backoff.lockedFor("alice"));
        assertEquals(Optional.of(Duration.ofSeconds(60)), backoff.recordFailure("alice"));
        assertEquals(Optional.of(Duration.ofSeconds(120)), backoff.recordFailure("alice"));
        assertEquals(Optional.of(Duration.ofSeconds(120)), backoff.recordFailure("alice"), "capped");
        assertEquals(Duration.ofMinutes(2), backoff.lockoutAfter(1000));
        assertEquals(Optional.empty(), backoff.lockedFor("bob"));
    }

    @Test
    void successClearsTheKey() {
        FailureBackoff backoff = new FailureBackoff(2, Duration.ofSeconds(30), Duration.ofMinutes(2), clock);
        backoff.recordFailure("alice");
        backoff.recordSuccess("alice");
        assertEquals(Optional.empty(), backoff.recordFailure("alice"), "count restarted");
    }

    @Test
    void pruneKeepsKeysWithinTheirLockout() {
        FailureBackoff backoff = new FailureBackoff(1, Duration.ofSeconds(30), Duration.ofMinutes(2), clock);
        backoff.recordFailure("alice");
        assertEquals(0, backoff.prune());
        clock.advance(Duration.ofMinutes(3));
        assertEquals(1, backoff.prune());
        assertEquals(Optional.of(Duration.ofSeconds(30)), backoff.recordFailure("alice"), "back-off starts over");
    }
}
