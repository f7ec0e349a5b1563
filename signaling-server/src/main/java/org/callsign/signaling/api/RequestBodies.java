package org.callsign.signaling.api;

import java.util.Optional;
import org.callsign.server.api.ApiException;

/** Checks shared by the JSON endpoints. */
public final class RequestBodies {

    private RequestBodies() {}

    /** The body, or {@code invalid-request} if it was empty. */
    public static <T> T required(T body) {
        return Optional.ofNullable(body)
                .orElseThrow(() -> new ApiException(ApiError.INVALID_REQUEST, "request body is required"));
    }
}
