package org.callsign.server.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lockout with exponential back-off per key (an account or a client IP): after {@code threshold} consecutive
 * failures the key is locked for {@code lockout}, and each further failure doubles that, up to {@code maxLockout}. A
 * success clears the key. In memory, per process.
 */
public final class FailureBackoff implements Lockouts {

    /** Keys kept at most; beyond it, entries with no lockout in force are dropped first. */
    public static final int MAX_KEYS = 100_000;

    private final int threshold;
    private final Duration lockout;
    private final Duration maxLockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public FailureBackoff(int threshold, Duration lockout, Duration maxLockout, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("failure threshold must be at least 1: " + threshold);
        }
        if (lockout.isNegative() || lockout.isZero() || maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("lockout must be positive and at most max-lockout");
        }
        this.threshold = threshold;
        this.lockout = lockout;
        this.maxLockout = maxLockout;
        this.clock = clock;
    }

    @Override
    public Optional<Duration> lockedFor(String key) {
        Failures entry = failures.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            Duration left = Duration.between(clock.instant(), entry.lockedUntil);
            return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
        }
    }

    @Override
    public Optional<Duration> recordFailure(String key) {
        if (failures.size() >= MAX_KEYS) {
            prune();
        }
        Instant now = clock.instant();
        Failures entry = failures.computeIfAbsent(key, k -> new Failures(now));
        synchronized (entry) {
            if (idle(entry, now)) {
                // Quiet for longer than the longest lockout: start over, as prune() would have.
                entry.count = 0;
            }
            entry.count++;
            entry.last = now;
            if (entry.count < threshold) {
                return Optional.empty();
            }
            Duration locked = lockoutAfter(entry.count);
            entry.lockedUntil = now.plus(locked);
            return Optional.of(locked);
        }
    }

    @Override
    public void recordSuccess(String key) {
        failures.remove(key);
    }

    /** The lockout that the {@code count}-th consecutive failure starts (zero below the threshold). */
    public Duration lockoutAfter(int count) {
        if (count < threshold) {
            return Duration.ZERO;
        }
        int doublings = Math.min(count - threshold, 40);
        Duration locked = lockout.multipliedBy(1L << Math.min(doublings, 30));
        return locked.compareTo(maxLockout) > 0 || doublings >= 30 ? maxLockout : locked;
    }

    /**
     * Drops keys whose lockout is over and whose last failure is older than {@code maxLockout} (such a key would start
     * over at its next failure anyway), so that memory stays bounded; returns how many.
     */
    @Override
    public int prune() {
        Instant now = clock.instant();
        int before = failures.size();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return idle(entry.getValue(), now);
            }
        });
        return before - failures.size();
    }

    private boolean idle(Failures entry, Instant now) {
        return !entry.lockedUntil.isAfter(now) && entry.last.plus(maxLockout).isBefore(now);
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant lockedUntil;

        Failures(Instant now) {
            this.last = now;
            this.lockedUntil = now;
        }
    }
}
