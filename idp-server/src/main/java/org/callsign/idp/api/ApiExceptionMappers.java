package org.callsign.idp.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.callsign.server.api.JsonProblems;
import org.callsign.server.store.StoreException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into a typed {@link ErrorBody}: API errors, malformed JSON, the framework's own 404/405/415, a
 * store that does not answer ({@code store-unavailable}), and anything unexpected (logged here, answered as {@code internal-error} without detail). Never a stack trace.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder builder = e instanceof LoginRequiredException login
                ? Response.status(e.error().status())
                        .type(MediaType.APPLICATION_JSON)
                        .entity(new ErrorBody(e.error().code(), e.getMessage(), login.loginUrl()))
                : builder(e.error(), e.getMessage());
        if (e instanceof RateLimitedException limited) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        if (e.error() == ApiError.INVALID_TOKEN) {
            // RFC 6750 §3: a bearer-token challenge with the error code.
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return builder(ApiError.MALFORMED_JSON, JsonProblems.describe(e)).build();
    }

    /** Also for this subtype: the JSON extension maps it on its own, with a body of its own, unless overridden. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        ApiError error = ApiError.forStatus(status);
        String reason = Response.Status.fromStatusCode(status) == null
                ? "request refused"
                : Response.Status.fromStatusCode(status).getReasonPhrase().toLowerCase(java.util.Locale.ROOT);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(error.code(), reason))
                .build();
    }

    /**
     * A store that failed or did not answer (Redis, with {@code store.kind=redis}): the request is refused with 503.
     * The log names the store; the answer does not.
     */
    @ServerExceptionMapper
    public Response store(StoreException e) {
        LOG.warnf("refused a request: %s", e.getMessage());
        return builder(ApiError.STORE_UNAVAILABLE, "the IdP's store is not available; retry shortly")
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return builder(ApiError.INTERNAL_ERROR, "internal error").build();
    }

    private static Response.ResponseBuilder builder(ApiError error, String message) {
        return Response.status(error.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(error.code(), message));
    }
}
