package org.callsign.idp.api;

/** Checks shared by the JSON endpoints. */
public final class RequestBodies {

    private RequestBodies() {}

    /** The body, or {@code invalid-request} if it was empty. */
    public static <T> T required(T body) {
        if (body == null) {
            throw new ApiException(ApiError.INVALID_REQUEST, "request body is required");
        }
        return body;
    }
}
