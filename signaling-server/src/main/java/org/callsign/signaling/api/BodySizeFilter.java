package org.callsign.signaling.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses {@code /api/} request bodies over {@link #MAX_API_BODY_BYTES}, and offers to {@code /connect} and
 * {@code /whip} over {@link #MAX_OFFER_BODY_BYTES}, by their {@code Content-Length}, before they are read, with a typed
 * 413. Chunked bodies are bounded by {@code quarkus.http.limits.max-body-size} (a plain 413), and offers once read.
 */
public class BodySizeFilter {

    /** The largest body an {@code /api/} endpoint accepts: every request is a few short strings. */
    public static final int MAX_API_BODY_BYTES = 8 * 1024;

    /**
     * The largest offer body ({@code /connect}, WHIP): a browser's offer with audio, video, a data channel and its
     * candidates is a few KiB, and base64 in JSON adds a third.
     */
    public static final int MAX_OFFER_BODY_BYTES = 32 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        int limit = limitOf(request.getUriInfo().getPath());
        if (length == null || limit < 0) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return ApiExceptionMappers.response(ApiError.INVALID_REQUEST, "invalid Content-Length")
                    .build();
        }
        return bytes <= limit
                ? null
                : ApiExceptionMappers.response(ApiError.BODY_TOO_LARGE, tooLarge(bytes, limit))
                        .build();
    }

    /** The message of a body over its limit. */
    public static String tooLarge(long bytes, int limit) {
        return "request body of " + bytes + " bytes exceeds the limit of " + limit + " bytes";
    }

    /** The body limit of a path, or -1 for paths that only {@code max-body-size} bounds. */
    private static int limitOf(String path) {
        if (path.startsWith("/api/")) {
            return MAX_API_BODY_BYTES;
        }
        if (path.equals("/connect") || path.equals("/whip") || path.startsWith("/whip/")) {
            return MAX_OFFER_BODY_BYTES;
        }
        return -1;
    }
}
