package org.callsign.signaling.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses {@code /api/} request bodies over {@link #MAX_API_BODY_BYTES} by their {@code Content-Length}, before they
 * are read, with a typed 413. Chunked bodies are bounded by {@code quarkus.http.limits.max-body-size} (a plain 413).
 */
public class BodySizeFilter {

    /** The largest body an {@code /api/} endpoint accepts: every request is a few short strings. */
    public static final int MAX_API_BODY_BYTES = 8 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null || !request.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return ApiExceptionMappers.response(ApiError.INVALID_REQUEST, "invalid Content-Length")
                    .build();
        }
        return bytes <= MAX_API_BODY_BYTES
                ? null
                : ApiExceptionMappers.response(
                                ApiError.BODY_TOO_LARGE,
                                "request body of " + bytes + " bytes exceeds the limit of " + MAX_API_BODY_BYTES
                                        + " bytes")
                        .build();
    }
}
