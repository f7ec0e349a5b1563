package org.callsign.idp.discovery;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** Headers shared by the public discovery documents: cacheable, and readable from any origin (CORS). */
final class WellKnownResponses {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";

    private WellKnownResponses() {}

    static Response open(Response.ResponseBuilder builder, int maxAgeSeconds) {
        return builder.header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAgeSeconds)
                .header(ALLOW_ORIGIN, "*")
                .build();
    }
}
