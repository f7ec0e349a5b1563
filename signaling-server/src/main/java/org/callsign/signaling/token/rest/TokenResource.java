package org.callsign.signaling.token.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.auth.service.AuthenticatedClient;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.client.service.ClientService;
import org.callsign.signaling.client.store.Client;
import org.callsign.signaling.token.service.IssuedToken;
import org.callsign.signaling.token.service.TokenService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Bearer tokens (rtcd's bearer auth): issued for the client id and key, sent either as Basic credentials or, as rtcd
 * does, in a JSON body; revoked one at a time or all at once.
 */
@Path(TokenResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    /** Where tokens are issued. */
    public static final String PATH = "/api/tokens";

    /** Body of {@code POST /api/tokens} without Basic credentials. */
    public record TokenRequest(@JsonProperty("clientID") String clientId, String authKey) {

        /** Names the client, never the key. */
        @Override
        public String toString() {
            return "TokenRequest[" + clientId + "]";
        }
    }

    private final ClientService clients;
    private final TokenService tokens;
    private final CurrentClient current;

    TokenResource(ClientService clients, TokenService tokens, CurrentClient current) {
        this.clients = clients;
        this.tokens = tokens;
        this.current = current;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Issue a bearer token for the client id and key in a JSON body (or Basic auth)")
    public Response issue(TokenRequest body) {
        return issued(authenticate(body));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Issue a bearer token for the client id and key sent as Basic auth")
    public Response issueForBasic() {
        return issued(authenticate(null));
    }

    private Response issued(Client client) {
        IssuedToken issued = tokens.issue(client);
        long expiresIn = Duration.between(
                        issued.token().created(), issued.token().expires())
                .toSeconds();
        return Response.ok(new TokenView(
                        issued.secret(), "Bearer", expiresIn, issued.token().clientId()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @DELETE
    @Path("/current")
    @Operation(summary = "Revoke the bearer token that authenticates this request")
    public Response revokeCurrent() {
        AuthenticatedClient client = current.require();
        if (client.method() != AuthenticatedClient.Method.BEARER) {
            throw new ApiException(ApiError.INVALID_REQUEST, "present the token to revoke as a bearer token");
        }
        tokens.revoke(client.tokenKey());
        return Response.noContent().build();
    }

    @DELETE
    @Operation(summary = "Revoke every bearer token of the client")
    public Response revokeAll() {
        tokens.revokeAll(current.require().clientId());
        return Response.noContent().build();
    }

    private Client authenticate(TokenRequest body) {
        boolean hasBody = body != null && (body.clientId() != null || body.authKey() != null);
        if (hasBody && current.presentsCredentials()) {
            throw new ApiException(
                    ApiError.INVALID_REQUEST, "send the credentials once: Basic auth or a JSON body, not both");
        }
        if (hasBody) {
            return clients.authenticate(body.clientId(), body.authKey(), current.address());
        }
        AuthenticatedClient client = current.require();
        if (client.method() != AuthenticatedClient.Method.BASIC) {
            throw new ApiException(
                    ApiError.NOT_AUTHENTICATED, "a token is issued for the client id and key, not for another token");
        }
        return client.client();
    }
}
