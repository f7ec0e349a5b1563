package org.callsign.server.limit;

import java.time.Duration;
import java.util.Optional;

/**
 * Lockout with back-off after repeated failures, per key (an account, a client IP): in memory ({@link FailureBackoff})
 * or shared by the processes of a cluster ({@link RedisLockouts}), so that guesses spread over several processes
 * count together.
 */
public interface Lockouts {

    /** How long the key stays locked, or empty if it may try now. */
    Optional<Duration> lockedFor(String key);

    /** Records a failure; returns the lockout it starts, if any. */
    Optional<Duration> recordFailure(String key);

    /** Clears the key after a success. */
    void recordSuccess(String key);

    /** Drops state that carries nothing; returns how many. Shared state expires by itself. */
    default int prune() {
        return 0;
    }
}
