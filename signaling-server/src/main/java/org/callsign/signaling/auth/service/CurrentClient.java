package org.callsign.signaling.auth.service;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.ClientAddress;

/**
 * The client of the current HTTP request, from its {@code Authorization} header ({@link Authenticator}), resolved
 * once per request and only when an endpoint asks.
 */
@RequestScoped
public class CurrentClient {

    private final HttpHeaders headers;
    private final HttpServerRequest request;
    private final Authenticator authenticator;
    private Optional<AuthenticatedClient> resolved;

    public CurrentClient(HttpHeaders headers, HttpServerRequest request, Authenticator authenticator) {
        this.headers = headers;
        this.request = request;
        this.authenticator = authenticator;
    }

    /** The request's client IP. */
    public ClientAddress address() {
        return ClientAddress.of(request.remoteAddress());
    }

    /** Whether the request carries an {@code Authorization} header. */
    public boolean presentsCredentials() {
        return headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
    }

    /** The authenticated client, or empty without credentials; 401 or 429 for credentials that do not pass. */
    public Optional<AuthenticatedClient> get() {
        if (resolved == null) {
            resolved = authenticator.authenticate(headers.getHeaderString(HttpHeaders.AUTHORIZATION), address());
        }
        return resolved;
    }

    /** The authenticated client; 401 {@code not-authenticated} without credentials. */
    public AuthenticatedClient require() {
        return get().orElseThrow(() -> new ApiException(
                ApiError.NOT_AUTHENTICATED, "authenticate with Basic (client id and key) or a bearer token"));
    }
}
