package org.callsign.server.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a client IP): {@code perMinute} requests at once, refilled at {@code perMinute} a minute. In
 * memory: limits reset when the process restarts and are not shared between processes.
 */
public final class RequestRateLimiter {

    /** Keys kept at most; beyond it, full buckets are dropped first (they carry no state). */
    public static final int MAX_KEYS = 100_000;

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RequestRateLimiter(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("requests per minute must be at least 1: " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one request from the key's bucket; empty if allowed, else how long until the next one is. */
    public Optional<Duration> acquire(String key) {
        Instant now = clock.instant();
        if (buckets.size() >= MAX_KEYS) {
            prune();
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            bucket.refill(now, perMinute);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            double missing = 1 - bucket.tokens;
            long nanos = (long) Math.ceil(missing * Duration.ofMinutes(1).toNanos() / perMinute);
            return Optional.of(Duration.ofNanos(nanos));
        }
    }

    /** Drops buckets that have refilled completely; returns how many. */
    public int prune() {
        Instant now = clock.instant();
        int before = buckets.size();
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                entry.getValue().refill(now, perMinute);
                return entry.getValue().tokens >= perMinute;
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

        void refill(Instant now, int perMinute) {
            long elapsed = Duration.between(updated, now).toNanos();
            if (elapsed > 0) {
                tokens = Math.min(
                        perMinute,
                        tokens
                                + (double) elapsed
                                        * perMinute
                                        / Duration.ofMinutes(1).toNanos());
                updated = now;
            }
        }
    }
}
