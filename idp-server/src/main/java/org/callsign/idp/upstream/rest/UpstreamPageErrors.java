package org.callsign.idp.upstream.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.callsign.idp.api.ErrorBody;
import org.callsign.idp.page.PageResponses;
import org.callsign.idp.upstream.service.UpstreamLoginException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A refused upstream login is an error page (the flow runs in the browser) whose {@code data-error} is the
 * {@code UpstreamError} code, with that error's status; under {@code /api/} it is the usual JSON error body with that
 * code. The binding cookie is cleared. Logged at INFO with the code and
 * message, which never quote a token, code or secret.
 */
public class UpstreamPageErrors {

    private static final Logger LOG = Logger.getLogger(UpstreamPageErrors.class);

    private final PageResponses pages;
    private final UpstreamCookies cookies;

    UpstreamPageErrors(PageResponses pages, UpstreamCookies cookies) {
        this.pages = pages;
        this.cookies = cookies;
    }

    @ServerExceptionMapper
    public Response refused(UpstreamLoginException e, UriInfo uri) {
        LOG.infof("upstream login refused: %s: %s", e.error().code(), e.getMessage());
        Response answer = uri.getPath().startsWith("/api/")
                ? Response.status(e.error().status())
                        .type(MediaType.APPLICATION_JSON)
                        .entity(new ErrorBody(e.error().code(), e.getMessage()))
                        .build()
                : pages.error(e.error().status(), e.error().code(), e.getMessage());
        return Response.fromResponse(answer)
                .header(HttpHeaders.SET_COOKIE, cookies.clear())
                .build();
    }
}
