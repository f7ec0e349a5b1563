package org.callsign.server.store;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The retry loop of an optimistic change: an attempt reads, decides and ends with a conditional write ({@link
 * KeyValueStore#updateIf}); an attempt whose write lost a race returns empty and is made again from a fresh read,
 * after a short random pause so that racing writers spread out, at most {@link #MAX_ATTEMPTS} times.
 */
public final class OptimisticRetry {

    /** Attempts before a change gives up with a {@link StoreException}. */
    public static final int MAX_ATTEMPTS = 50;

    /** The longest pause between two attempts. */
    public static final long MAX_PAUSE_MILLIS = 20;

    private OptimisticRetry() {}

    /**
     * The result of the first attempt that returns one.
     *
     * @param what the contended record, as messages name it: {@code <namespace>/<key>}
     * @param attempt one read-decide-write round; empty if its conditional write lost a race
     * @throws StoreException {@code too much contention on <what>} when every attempt lost
     */
    public static <T> T run(String what, Supplier<Optional<T>> attempt) {
        for (int i = 1; i <= MAX_ATTEMPTS; i++) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            long pause = ThreadLocalRandom.current().nextLong(Math.min(i, MAX_PAUSE_MILLIS) + 1);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(pause));
        }
        throw new StoreException("too much contention on " + what);
    }
}
