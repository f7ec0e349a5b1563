package org.callsign.idp.api;

/** A request the API refuses, answered with the error's status and an {@link ErrorBody}. */
public class ApiException extends org.callsign.server.api.ApiException {

    public ApiException(ApiError error, String message) {
        super(error, message);
    }

    /** The error code and status. */
    @Override
    public ApiError error() {
        return (ApiError) super.error();
    }
}
