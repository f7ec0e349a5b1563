package org.callsign.signaling.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.callsign.server.api.ApiException;
import org.callsign.server.api.ErrorCode;
import org.callsign.server.api.JsonProblems;
import org.callsign.server.limit.RetryAfter;
import org.callsign.server.store.StoreException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into a typed {@link ErrorBody}: API errors (with {@code Retry-After} on 429 and the RFC 7235
 * challenges on 401), malformed JSON, the framework's own 404/405/406/415, a store that failed or did not answer
 * ({@code store-unavailable}, logged here), and anything unexpected (logged here, answered as {@code internal-error}
 * without detail). Never a stack trace.
 */
public class ApiExceptionMappers {

    /** The realm of the Basic and Bearer challenges. */
    public static final String REALM = "callsign-signaling";

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder builder = response(e.error(), e.getMessage());
        if (e instanceof RateLimitedException limited) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(RetryAfter.seconds(limited.retryAfter())));
        }
        if (e.error() == ApiError.INVALID_TOKEN) {
            // RFC 6750 §3: a bearer-token challenge with the error code.
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
        } else if (e.error() == ApiError.NOT_AUTHENTICATED || e.error() == ApiError.INVALID_CREDENTIALS) {
            // RFC 7617 §2 and RFC 6750 §3: either scheme will do.
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\"");
        }
        return builder.build();
    }

    /** Malformed JSON, and its subtype that the JSON extension would otherwise map with a body of its own. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response json(JsonProcessingException e) {
        return response(ApiError.MALFORMED_JSON, JsonProblems.describe(e)).build();
    }

    /** The framework's refusals (unknown path, wrong method, unacceptable or unsupported media type). */
    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            return json(cause);
        }
        int status = e.getResponse().getStatus();
        String reason = Optional.ofNullable(Response.Status.fromStatusCode(status))
                .map(known -> known.getReasonPhrase().toLowerCase(Locale.ROOT))
                .orElse("request refused");
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(ErrorBody.of(ApiError.forStatus(status), reason))
                .build();
    }

    /**
     * A store that failed or did not answer (on a cluster: Redis, which also keeps the shared rate limits): the
     * request is refused with 503, never let through unchecked. The log names the store; the answer does not.
     */
    @ServerExceptionMapper
    public Response store(StoreException e) {
        LOG.warnf("refused a request: %s", e.getMessage());
        return response(ApiError.STORE_UNAVAILABLE, "the server's store is not available; retry shortly")
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return response(ApiError.INTERNAL_ERROR, "internal error").build();
    }

    /** A typed error response of {@code error}. */
    public static Response.ResponseBuilder response(ErrorCode error, String message) {
        return Response.status(error.status()).type(MediaType.APPLICATION_JSON).entity(ErrorBody.of(error, message));
    }
}
