package org.callsign.server.limit;

import java.time.Duration;
import java.util.Optional;

/**
 * Rate limits as token buckets per key (a client IP, a sender): in memory ({@link RequestRateLimiter}) or shared by the
 * processes of a cluster ({@link RedisTokenBuckets}).
 */
public interface TokenBuckets {

    /** Takes one request from the key's bucket; empty if allowed, else how long until the next one is. */
    Optional<Duration> acquire(String key);

    /** Drops state that carries nothing (full buckets); returns how many. Shared buckets expire by themselves. */
    default int prune() {
        return 0;
    }
}
