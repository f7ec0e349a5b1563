package org.callsign.signaling.cluster.service;

import java.time.Duration;
import org.callsign.server.api.ApiException;
import org.callsign.server.api.ErrorCode;
import org.callsign.signaling.api.RateLimitedException;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * How a refusal on one node travels to the node that asked ({@link NodeRequests}), to be thrown there as if it had
 * happened there: a {@link SignalingException} keeps its code, an {@link ApiException} its code and status (and a
 * {@link RateLimitedException} its wait), so that the caller's response is the one a single server gives. Anything
 * else is an internal error, whose detail stays in the log of the node where it happened.
 */
final class RemoteFailures {
    private static final String SIGNAL = "signal";
    private static final String API = "api";

    private RemoteFailures() {}

    /** {@code failure} as text: kind, code, status, wait in ms (or -1), message; one per line, the message last. */
    static String encode(Throwable failure) {
        if (failure instanceof SignalingException refused) {
            return String.join("\n", SIGNAL, refused.error().code(), "0", "-1", refused.getMessage());
        }
        if (failure instanceof ApiException refused) {
            long wait = refused instanceof RateLimitedException limited
                    ? limited.retryAfter().toMillis()
                    : -1;
            return String.join(
                    "\n",
                    API,
                    refused.error().code(),
                    Integer.toString(refused.error().status()),
                    Long.toString(wait),
                    refused.getMessage());
        }
        return String.join("\n", SIGNAL, SignalError.INTERNAL_ERROR.code(), "0", "-1", "internal error");
    }

    /** The exception that {@link #encode} wrote, to throw again. */
    static RuntimeException decode(String text) {
        String[] parts = text.split("\n", 5);
        if (parts.length < 5) {
            return new SignalingException(SignalError.INTERNAL_ERROR, "internal error");
        }
        String message = parts[4];
        try {
            if (parts[0].equals(API)) {
                long wait = Long.parseLong(parts[3]);
                if (wait >= 0) {
                    return new RateLimitedException(message, Duration.ofMillis(wait));
                }
                return new ApiException(new Code(parts[1], Integer.parseInt(parts[2])), message);
            }
        } catch (NumberFormatException e) {
            return new SignalingException(SignalError.INTERNAL_ERROR, "internal error");
        }
        SignalError error = SignalError.byCode(parts[1]);
        return new SignalingException(error != null ? error : SignalError.INTERNAL_ERROR, message);
    }

    /** An API error code from another node. */
    private record Code(String code, int status) implements ErrorCode {}
}
