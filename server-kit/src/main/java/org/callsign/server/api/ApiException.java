package org.callsign.server.api;

/**
 * A request that an API refuses, answered with the code's status and a typed error body. The message is short and
 * names the offending field or value, never a password, key, token or stack trace.
 */
public class ApiException extends RuntimeException {

    private final transient ErrorCode error;

    public ApiException(ErrorCode error, String message) {
        super(message);
        this.error = error;
    }

    /** The error code and status. */
    public ErrorCode error() {
        return error;
    }
}
