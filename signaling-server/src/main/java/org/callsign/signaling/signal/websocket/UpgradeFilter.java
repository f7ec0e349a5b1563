package org.callsign.signaling.signal.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.callsign.server.api.ApiException;
import org.callsign.server.store.StoreException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.ApiExceptionMappers;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.api.ErrorBody;
import org.callsign.signaling.signal.service.SignalingException;
import org.jboss.logging.Logger;

/**
 * Authenticates a WebSocket upgrade of {@value SignalingWebSocket#PATH} before it happens ({@link UpgradeAdmission},
 * on a worker thread: the token and device lookups read the store), so that a refusal is an HTTP answer with the
 * API's status, headers ({@code WWW-Authenticate}, {@code Retry-After}) and JSON error body. An admitted request goes
 * on to the endpoint with its {@link Admission} in {@link PendingAdmissions}.
 */
@Singleton
class UpgradeFilter {
    private static final Logger LOG = Logger.getLogger(UpgradeFilter.class);

    /** The subprotocols a client offers (RFC 6455 §11.3.4). */
    private static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";

    /** Before the routes, after nothing in particular. */
    private static final int PRIORITY = 100;

    private final UpgradeAdmission admission;
    private final PendingAdmissions pending;
    private final ObjectMapper mapper;
    private final ApiExceptionMappers errors = new ApiExceptionMappers();

    UpgradeFilter(UpgradeAdmission admission, PendingAdmissions pending, ObjectMapper mapper) {
        this.admission = admission;
        this.pending = pending;
        this.mapper = mapper;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, PRIORITY);
    }

    private void filter(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!isSignalingUpgrade(context)) {
            context.next();
            return;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        List<String> protocols = request.headers().getAll(SEC_WEBSOCKET_PROTOCOL);
        String device = request.getParam("device");
        String resume = request.getParam("resume");
        ClientAddress address = ClientAddress.of(request.remoteAddress());
        context.vertx()
                .<Admission>executeBlocking(
                        () -> admission.admit(authorization, protocols, device, resume, address), false)
                .onComplete(result -> {
                    if (result.succeeded()) {
                        pending.put(request, result.result());
                        context.next();
                    } else {
                        refuse(context.response(), result.cause());
                    }
                });
    }

    private static boolean isSignalingUpgrade(RoutingContext context) {
        String path = context.normalizedPath();
        String upgrade = context.request().getHeader(HttpHeaders.UPGRADE);
        return (SignalingWebSocket.PATH.equals(path) || (SignalingWebSocket.PATH + "/").equals(path))
                && upgrade != null
                && upgrade.equalsIgnoreCase("websocket");
    }

    private void refuse(HttpServerResponse response, Throwable failure) {
        Response refusal;
        if (failure instanceof ApiException e) {
            refusal = errors.api(e);
        } else if (failure instanceof SignalingException e) {
            refusal = ApiExceptionMappers.response(e.error(), e.getMessage()).build();
        } else if (failure instanceof StoreException e) {
            refusal = errors.store(e);
        } else {
            LOG.error("unexpected failure admitting a WebSocket upgrade", failure);
            refusal = ApiExceptionMappers.response(ApiError.INTERNAL_ERROR, "internal error")
                    .build();
        }
        response.setStatusCode(refusal.getStatus());
        refusal.getStringHeaders().forEach((name, values) -> response.headers().add(name, values));
        response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        response.end(json((ErrorBody) refusal.getEntity()));
    }

    private String json(ErrorBody body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an error body", e);
        }
    }
}
