package org.callsign.signaling.verification.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The {@link VerificationLinkStore} contract as tests, for every implementation. */
public abstract class VerificationLinkStoreContract {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant LATER = NOW.plus(Duration.ofMinutes(10));

    /** The implementation under test; a later call opens the same data again, as after a restart. */
    protected abstract VerificationLinkStore reopen();

    @Test
    void theSigningKeyIsGeneratedOnceAndSurvivesARestart() {
        byte[] generated = new byte[32];
        generated[0] = 7;
        assertArrayEquals(generated, reopen().signingKey(() -> generated));
        assertArrayEquals(generated, reopen().signingKey(() -> {
            throw new AssertionError("the key exists");
        }));
    }

    @Test
    void aLinkIsUsedOnceAndStaysUsedAcrossARestart() {
        VerificationLinkStore store = reopen();
        assertFalse(store.used("link-1"));
        assertTrue(store.markUsed("link-1", LATER, NOW));
        assertTrue(store.used("link-1"));
        assertFalse(store.markUsed("link-1", LATER, NOW));
        assertFalse(reopen().markUsed("link-1", LATER, NOW.plusSeconds(1)));
        assertTrue(reopen().markUsed("link-2", LATER, NOW));
    }

    @Test
    void usedLinksAreForgottenOnceExpired() {
        VerificationLinkStore store = reopen();
        store.markUsed("link-1", LATER, NOW);
        store.markUsed("link-2", LATER.plus(Duration.ofHours(1)), NOW);
        store.markUsed("link-3", LATER.plus(Duration.ofHours(2)), LATER.plusSeconds(1));
        assertFalse(store.used("link-1"));
        assertTrue(store.used("link-2"));
    }

    @Test
    void ofConcurrentUsesExactlyOneSucceeds() throws Exception {
        VerificationLinkStore store = reopen();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                uses.add(() -> store.markUsed("contested", LATER, NOW));
            }
            int successes = 0;
            for (Future<Boolean> result : pool.invokeAll(uses)) {
                successes += result.get() ? 1 : 0;
            }
            assertEquals(1, successes);
        } finally {
            pool.shutdownNow();
        }
    }
}
