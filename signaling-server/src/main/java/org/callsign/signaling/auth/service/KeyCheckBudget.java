package org.callsign.signaling.auth.service;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.callsign.server.limit.RequestRateLimiter;
import org.callsign.signaling.api.RateLimitedException;
import org.callsign.signaling.config.SignalingConfig;

/**
 * The server-wide bound on bcrypt work: at most {@code key-checks-per-second} checks or hashes a second (a burst of as
 * many at once), and at most {@code concurrent-key-checks} running at once. rtcd learned under reconnect storms that
 * unbounded bcrypt takes every core; here the excess is refused at once with 429 and {@code Retry-After}, before any
 * hashing, so a storm costs a bounded amount of CPU whatever the number of clients or addresses. Requests within the
 * rate wait at most {@link #MAX_WAIT} for a free slot.
 */
@Singleton
public class KeyCheckBudget {

    /** The longest a check within the rate waits for one of the concurrent slots. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private static final String ALL = "all";

    private final RequestRateLimiter rate;
    private final Semaphore slots;

    public KeyCheckBudget(SignalingConfig config, Clock clock) {
        SignalingConfig.RateLimit limits = config.rateLimit();
        this.rate = new RequestRateLimiter(limits.keyChecksPerSecond(), Duration.ofSeconds(1), clock);
        int concurrent =
                limits.concurrentKeyChecks().orElse(Runtime.getRuntime().availableProcessors());
        if (concurrent < 1) {
            throw new IllegalArgumentException("concurrent-key-checks must be at least 1: " + concurrent);
        }
        this.slots = new Semaphore(concurrent, true);
    }

    /** Runs one bcrypt operation within the budget; 429 if the server has spent it. */
    public <T> T run(Supplier<T> work) {
        Optional<Duration> wait = rate.acquire(ALL);
        if (wait.isPresent()) {
            throw new RateLimitedException("too many key checks on this server; retry later", wait.get());
        }
        boolean acquired;
        try {
            acquired = slots.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new RateLimitedException("key checks are busy on this server; retry later", Duration.ofSeconds(1));
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
