package org.callsign.signaling.api;

import java.time.Duration;
import org.callsign.server.api.ApiException;

/** Too many requests, failed checks or key checks: 429 with {@code Retry-After} in whole seconds (RFC 9110 §10.2.3). */
public class RateLimitedException extends ApiException {

    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(ApiError.RATE_LIMITED, message);
        this.retryAfter = retryAfter;
    }

    /** How long until a retry can succeed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
