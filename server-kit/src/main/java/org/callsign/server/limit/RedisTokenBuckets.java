package org.callsign.server.limit;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.callsign.server.cluster.RedisBus;

/**
 * {@link TokenBuckets} in Redis, shared by every process that uses the same key prefix: the same bucket as {@link
 * RequestRateLimiter} ({@code capacity} at once, refilled at {@code capacity} per {@code period}), kept as a hash
 * {@code <prefix><key>} and updated by one Lua script ({@link #SCRIPT}), so that processes never race. The script reads
 * the time from Redis ({@code TIME}), so the processes' clocks need not agree. A bucket expires once it would be full
 * again. Every failure to reach Redis is a {@link org.callsign.server.store.StoreException}.
 */
public final class RedisTokenBuckets implements TokenBuckets {

    /**
     * Takes a token from {@code KEYS[1]}; {@code ARGV}: capacity, period in milliseconds. Returns 0 if it took one,
     * else the milliseconds until one is there.
     */
    static final String SCRIPT =
            """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
            local capacity = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local stored = redis.call('HMGET', KEYS[1], 't', 'u')
            local tokens = tonumber(stored[1]) or capacity
            local updated = tonumber(stored[2]) or now
            if now > updated then
              tokens = math.min(capacity, tokens + (now - updated) * capacity / period)
              updated = now
            end
            local wait = 0
            if tokens >= 1 then
              tokens = tokens - 1
            else
              wait = math.max(1, math.ceil((1 - tokens) * period / capacity))
            end
            redis.call('HSET', KEYS[1], 't', string.format('%.6f', tokens), 'u', string.format('%.3f', updated))
            redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) * period / capacity) + 1)
            return wait
            """;

    private final RedisBus redis;
    private final String prefix;
    private final int capacity;
    private final long periodMillis;

    /** {@code capacity} requests at once, refilled at {@code capacity} per {@code period}, under {@code prefix}. */
    public RedisTokenBuckets(RedisBus redis, String prefix, int capacity, Duration period) {
        if (capacity < 1) {
            throw new IllegalArgumentException("requests per period must be at least 1: " + capacity);
        }
        if (period.toMillis() < 1) {
            throw new IllegalArgumentException("rate-limit period must be at least 1 ms: " + period);
        }
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.capacity = capacity;
        this.periodMillis = period.toMillis();
    }

    @Override
    public Optional<Duration> acquire(String key) {
        long wait = redis.call(
                        Request.cmd(Command.EVAL)
                                .arg(SCRIPT)
                                .arg(1)
                                .arg(prefix + key)
                                .arg(capacity)
                                .arg(periodMillis),
                        "rate limit")
                .toLong();
        return wait == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(wait));
    }
}
