package org.callsign.server.limit;

import java.time.Duration;

/**
 * The value of a {@code Retry-After} header (RFC 9110 §10.2.3) for a wait that a limiter computed: whole seconds,
 * rounded up, so that a client which waits that long is not refused again; at least 1.
 */
public final class RetryAfter {

    private RetryAfter() {}

    /** Seconds until a retry can succeed, rounded up, at least 1. */
    public static long seconds(Duration wait) {
        long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
