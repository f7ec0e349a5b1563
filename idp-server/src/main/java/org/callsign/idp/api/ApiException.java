package org.callsign.idp.api;

/** A request the API refuses, answered with the error's status and an {@link ErrorBody}. */
public class ApiException extends RuntimeException {

    private final ApiError error;

    public ApiException(ApiError error, String message) {
        super(message);
        this.error = error;
    }

    /** The error code and status. */
    public ApiError error() {
        return error;
    }
}
