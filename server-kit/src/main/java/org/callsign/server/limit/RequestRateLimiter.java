package org.callsign.server.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a client IP, or one global key): {@code capacity} requests at once, refilled at
 * {@code capacity} per {@code period} (a minute unless given). In memory: limits reset when the process restarts and are
 * not shared between processes.
 */
public final class RequestRateLimiter implements TokenBuckets {

    /** Keys kept at most; beyond it, full buckets are dropped first (they carry no state). */
    public static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final long periodNanos;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code perMinute} requests at once, refilled at {@code perMinute} a minute. */
    public RequestRateLimiter(int perMinute, Clock clock) {
        this(perMinute, Duration.ofMinutes(1), clock);
    }

    /** {@code capacity} requests at once, refilled at {@code capacity} per {@code period}. */
    public RequestRateLimiter(int capacity, Duration period, Clock clock) {
        if (capacity < 1) {
            String per = period.equals(Duration.ofMinutes(1)) ? "minute" : period.toString();
            throw new IllegalArgumentException("requests per " + per + " must be at least 1: " + capacity);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("rate-limit period must be positive: " + period);
        }
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
        this.clock = clock;
    }

    @Override
    public Optional<Duration> acquire(String key) {
        Instant now = clock.instant();
        if (buckets.size() >= MAX_KEYS) {
            prune();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            bucket.refill(now, capacity, periodNanos);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            double missing = 1 - bucket.tokens;
            long nanos = (long) Math.ceil(missing * periodNanos / capacity);
            return Optional.of(Duration.ofNanos(nanos));
        }
    }

    /** Drops buckets that have refilled completely; returns how many. */
    @Override
    public int prune() {
        Instant now = clock.instant();
        int before = buckets.size();
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                entry.getValue().refill(now, capacity, periodNanos);
                return entry.getValue().tokens >= capacity;
            }
        });
        return before - buckets.size();
    }

    private static final class Bucket {
        double tokens;
        Instant updated;

        Bucket(double tokens, Instant updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        void refill(Instant now, int capacity, long periodNanos) {
            long elapsed = Duration.between(updated, now).toNanos();
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + (double) elapsed * capacity / periodNanos);
                updated = now;
            }
        }
    }
}
