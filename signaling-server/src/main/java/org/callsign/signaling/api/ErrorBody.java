package org.callsign.signaling.api;

import org.callsign.server.api.ErrorCode;

/**
 * The body of every error response: {@code {"error":"…","message":"…"}}. The message is short and names the offending
 * field or value, never a key, token, secret or stack trace.
 *
 * @param error the code, one of {@link ApiError}
 * @param message what went wrong, for people
 */
public record ErrorBody(String error, String message) {

    /** The body of {@code error}. */
    public static ErrorBody of(ErrorCode error, String message) {
        return new ErrorBody(error.code(), message);
    }
}
