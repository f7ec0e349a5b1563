package org.callsign.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OptimisticRetryTest {

    @Test
    void retriesUntilAnAttemptWins() {
        AtomicInteger attempts = new AtomicInteger();
        String result = OptimisticRetry.run(
                "accounts/alice", () -> attempts.incrementAndGet() < 3 ? Optional.empty() : Optional.of("won"));
        assertEquals("won", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void givesUpAfterTheLastAttemptNamingTheRecord() {
        AtomicInteger attempts = new AtomicInteger();
        StoreException e = assertThrows(
                StoreException.class,
                () -> OptimisticRetry.run("accounts/alice", () -> {
                    attempts.incrementAndGet();
                    return Optional.empty();
                }));
        assertEquals("too much contention on accounts/alice", e.getMessage());
        assertEquals(OptimisticRetry.MAX_ATTEMPTS, attempts.get());
    }
}
