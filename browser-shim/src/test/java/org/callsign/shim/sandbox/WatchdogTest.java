package org.callsign.shim.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The watchdog polls only while it watches something, and still stops what runs too long after an idle spell. */
class WatchdogTest {
    private static final long NO_ALLOCATION_LIMIT = Long.MAX_VALUE;

    private Watchdog watchdog;
    private Context context;

    @BeforeEach
    void create() {
        watchdog = new Watchdog();
        context = Context.newBuilder("js")
                .option("engine.WarnInterpreterOnly", "false")
                .build();
    }

    @AfterEach
    void close() {
        watchdog.close();
        context.close(true);
    }

    private static long inNanos(Duration duration) {
        return System.nanoTime() + duration.toNanos();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = inNanos(Duration.ofSeconds(5));
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within 5 s: " + what);
            }
            Thread.sleep(1);
        }
    }

    @Test
    void doesNotPollBeforeAnythingIsWatched() {
        assertFalse(watchdog.polling());
    }

    @Test
    void pollsWhileWatchingAndStopsOnceTheLastWatchCloses() throws InterruptedException {
        Watchdog.Watch first = watchdog.watch(context, inNanos(Duration.ofMinutes(1)), NO_ALLOCATION_LIMIT);
        Watchdog.Watch second = watchdog.watch(context, inNanos(Duration.ofMinutes(1)), NO_ALLOCATION_LIMIT);
        assertTrue(watchdog.polling());

        first.close();
        Thread.sleep(5 * Watchdog.POLL_MILLIS);
        assertTrue(watchdog.polling(), "one watch is still open");

        second.close();
        await("polling stops", () -> !watchdog.polling());
        assertNull(second.stopped());
    }

    @Test
    void stopsWorkPastItsDeadlineAfterAnIdleSpell() throws InterruptedException {
        watchdog.watch(context, inNanos(Duration.ofMinutes(1)), NO_ALLOCATION_LIMIT)
                .close();
        await("polling stops", () -> !watchdog.polling());

        try (Watchdog.Watch watch = watchdog.watch(context, inNanos(Duration.ofMillis(50)), NO_ALLOCATION_LIMIT)) {
            PolyglotException e = assertThrows(PolyglotException.class, () -> context.eval("js", "for (;;) {}"));
            assertTrue(e.isCancelled(), "cancelled, not " + e.getMessage());
            assertEquals(Watchdog.Stop.DEADLINE, watch.stopped());
        }
        await("polling stops once the stopped watch is gone", () -> !watchdog.polling());
    }

    @Test
    void watchesNothingOnceClosed() {
        watchdog.close();
        Watchdog.Watch watch = watchdog.watch(context, inNanos(Duration.ofMinutes(1)), NO_ALLOCATION_LIMIT);
        assertFalse(watchdog.polling());
        watch.close();
    }
}
