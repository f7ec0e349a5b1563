package org.callsign.signaling.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.Test;

/** Remembering jtis until they expire, and refusing rather than forgetting when full. */
class InMemoryReplayCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final String A = "https://sig-a.example";
    private static final String B = "https://sig-c.example";

    private final MutableClock clock = new MutableClock(NOW);

    private static FederationAuthFailure failure(ReplayCache cache, String issuer, String jti, Instant expires) {
        return assertThrows(FederationAuthException.class, () -> cache.remember(issuer, jti, expires))
                .failure();
    }

    @Test
    void refusesAJtiSeenBeforeFromTheSameIssuer() throws Exception {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock);
        cache.remember(A, "jti-1", NOW.plusSeconds(60));

        assertEquals(FederationAuthFailure.SIGNATURE_REPLAYED, failure(cache, A, "jti-1", NOW.plusSeconds(60)));
    }

    @Test
    void keepsIssuersApart() throws Exception {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock);
        cache.remember(A, "jti-1", NOW.plusSeconds(60));

        cache.remember(B, "jti-1", NOW.plusSeconds(60));

        assertEquals(2, cache.size());
    }

    @Test
    void remembersUntilExpiryAndTheClockStepMargin() throws Exception {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock);
        Instant expires = NOW.plusSeconds(60);
        cache.remember(A, "jti-1", expires);

        clock.advance(Duration.ofSeconds(60).plus(ReplayCache.CLOCK_STEP_MARGIN));
        assertEquals(FederationAuthFailure.SIGNATURE_REPLAYED, failure(cache, A, "jti-1", expires));

        clock.advance(Duration.ofSeconds(1));
        assertEquals(0, cache.size());
    }

    @Test
    void evictsExpiredEntriesToMakeRoom() throws Exception {
        InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);
        cache.remember(A, "short", NOW.plusSeconds(10));
        cache.remember(A, "long", NOW.plusSeconds(60));
        clock.advance(Duration.ofSeconds(11).plus(ReplayCache.CLOCK_STEP_MARGIN));

        cache.remember(A, "new", NOW.plusSeconds(100));

        assertEquals(2, cache.size());
        assertEquals(FederationAuthFailure.SIGNATURE_REPLAYED, failure(cache, A, "long", NOW.plusSeconds(60)));
    }

    @Test
    void refusesNewEntriesWhenFullOfUnexpiredOnes() throws Exception {
        InMemoryReplayCache cache = new InMemoryReplayCache(2, clock);
        cache.remember(A, "one", NOW.plusSeconds(60));
        cache.remember(A, "two", NOW.plusSeconds(30));

        FederationAuthException e =
                assertThrows(FederationAuthException.class, () -> cache.remember(B, "three", NOW.plusSeconds(60)));

        assertEquals(FederationAuthFailure.REPLAY_CACHE_FULL, e.failure());
        assertEquals("replay cache holds 2 unexpired entries; try again after 2026-11-29T10:01:00Z", e.getMessage());
        // Nothing was forgotten to make room.
        assertEquals(FederationAuthFailure.SIGNATURE_REPLAYED, failure(cache, A, "one", NOW.plusSeconds(60)));
        assertEquals(FederationAuthFailure.SIGNATURE_REPLAYED, failure(cache, A, "two", NOW.plusSeconds(30)));
    }

    @Test
    void holdsAHundredThousandEntriesByDefault() throws Exception {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock);
        for (int i = 0; i < InMemoryReplayCache.DEFAULT_MAX_ENTRIES; i++) {
            cache.remember(A, "jti-" + i, NOW.plusSeconds(60));
        }

        assertEquals(FederationAuthFailure.REPLAY_CACHE_FULL, failure(cache, A, "one-more", NOW.plusSeconds(60)));
        assertEquals(100_000, InMemoryReplayCache.DEFAULT_MAX_ENTRIES);
    }

    @Test
    void letsOnlyOneOfConcurrentReplaysThrough() throws Exception {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                attempts.add(() -> {
                    try {
                        cache.remember(A, "raced", NOW.plusSeconds(60));
                        return true;
                    } catch (FederationAuthException e) {
                        return false;
                    }
                });
            }
            int accepted = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                accepted += result.get() ? 1 : 0;
            }
            assertEquals(1, accepted);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesASizeBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new InMemoryReplayCache(0, clock));
    }
}
