package org.callsign.idp.api;

import java.time.Duration;
import org.callsign.server.limit.RetryAfter;

/** Too many requests or failed logins: 429 with {@code Retry-After} in whole seconds (RFC 9110 §10.2.3). */
public class RateLimitedException extends ApiException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ApiError.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
    }

    /** Seconds until a retry can succeed, rounded up, at least 1. */
    public long retryAfterSeconds() {
        return RetryAfter.seconds(retryAfter);
    }
}
