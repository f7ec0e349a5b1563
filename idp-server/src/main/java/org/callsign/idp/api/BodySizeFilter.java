package org.callsign.idp.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses API request bodies over {@link #MAX_API_BODY_BYTES} before they are read, with a typed 413. Bodies without a
 * {@code Content-Length} (chunked) are bounded by {@code quarkus.http.limits.max-body-size}, which answers 413 too.
 */
public class BodySizeFilter {

    /** The largest body an {@code /api/} endpoint accepts: every request of the API is a few short strings. */
    public static final int MAX_API_BODY_BYTES = 8 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return refuse(ApiError.INVALID_REQUEST, "invalid Content-Length");
        }
        if (bytes > MAX_API_BODY_BYTES) {
            return refuse(
                    ApiError.BODY_TOO_LARGE,
                    "request body of " + bytes + " bytes exceeds the limit of " + MAX_API_BODY_BYTES + " bytes");
        }
        return null;
    }

    private static Response refuse(ApiError error, String message) {
        return Response.status(error.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(error.code(), message))
                .build();
    }
}
