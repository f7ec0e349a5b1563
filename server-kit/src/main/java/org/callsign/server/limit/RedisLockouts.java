package org.callsign.server.limit;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.callsign.server.cluster.RedisBus;

/**
 * {@link Lockouts} in Redis, shared by every process that uses the same key prefix, with {@link FailureBackoff}'s
 * rule: after {@code threshold} consecutive failures the key is locked for {@code lockout}, each further failure
 * doubles it up to {@code maxLockout}, and a success clears the key. A key is a hash {@code <prefix><key>} changed by
 * one Lua script at a time, timed by Redis ({@code TIME}); it expires when its lockout is over and {@code maxLockout}
 * has passed since its last failure, as {@link FailureBackoff} starts such a key over. Every failure to reach Redis is
 * a {@link org.callsign.server.store.StoreException}.
 */
public final class RedisLockouts implements Lockouts {

    /** {@code KEYS[1]}; {@code ARGV}: threshold, lockout and maximum lockout in ms. Returns the lockout it starts. */
    static final String FAILURE_SCRIPT =
            """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local threshold = tonumber(ARGV[1])
            local lockout = tonumber(ARGV[2])
            local max = tonumber(ARGV[3])
            local stored = redis.call('HMGET', KEYS[1], 'c', 'until')
            local count = (tonumber(stored[1]) or 0) + 1
            local locked_until = tonumber(stored[2]) or now
            local locked = 0
            if count >= threshold then
              locked = math.min(max, lockout * 2 ^ math.min(count - threshold, 40))
              locked_until = now + locked
            end
            redis.call('HSET', KEYS[1], 'c', string.format('%d', count), 'until', string.format('%.0f', locked_until))
            redis.call('PEXPIRE', KEYS[1], string.format('%.0f', math.max(locked_until - now, 0) + max))
            return locked
            """;

    /** {@code KEYS[1]}. Returns the milliseconds the key stays locked, 0 if none. */
    static final String LOCKED_SCRIPT =
            """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local locked_until = tonumber(redis.call('HGET', KEYS[1], 'until'))
            if not locked_until or locked_until <= now then
              return 0
            end
            return locked_until - now
            """;

    private final RedisBus redis;
    private final String prefix;
    private final int threshold;
    private final long lockoutMillis;
    private final long maxLockoutMillis;

    public RedisLockouts(RedisBus redis, String prefix, int threshold, Duration lockout, Duration maxLockout) {
        if (threshold < 1) {
            throw new IllegalArgumentException("failure threshold must be at least 1: " + threshold);
        }
        if (lockout.toMillis() < 1 || maxLockout.compareTo(lockout) < 0) {
            throw new IllegalArgumentException("lockout must be positive and at most max-lockout");
        }
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.threshold = threshold;
        this.lockoutMillis = lockout.toMillis();
        this.maxLockoutMillis = maxLockout.toMillis();
    }

    @Override
    public Optional<Duration> lockedFor(String key) {
        return millis(
                redis.call(Request.cmd(Command.EVAL).arg(LOCKED_SCRIPT).arg(1).arg(prefix + key), "lockout check")
                        .toLong());
    }

    @Override
    public Optional<Duration> recordFailure(String key) {
        return millis(redis.call(
                        Request.cmd(Command.EVAL)
                                .arg(FAILURE_SCRIPT)
                                .arg(1)
                                .arg(prefix + key)
                                .arg(threshold)
                                .arg(lockoutMillis)
                                .arg(maxLockoutMillis),
                        "lockout failure")
                .toLong());
    }

    @Override
    public void recordSuccess(String key) {
        redis.call(Request.cmd(Command.DEL).arg(prefix + key), "lockout success");
    }

    private static Optional<Duration> millis(long millis) {
        return millis <= 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }
}
