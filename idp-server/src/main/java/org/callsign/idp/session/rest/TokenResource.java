package org.callsign.idp.session.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.callsign.idp.account.service.AccountService;
import org.callsign.idp.account.store.Account;
import org.callsign.idp.api.ClientAddress;
import org.callsign.idp.api.RequestBodies;
import org.callsign.idp.session.service.IssuedSession;
import org.callsign.idp.session.service.SessionService;
import org.callsign.idp.session.store.SessionKind;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Bearer tokens for non-browser clients: a password login that answers with an opaque token instead of a cookie. */
@Path(TokenResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    /** Where tokens are issued. */
    public static final String PATH = "/api/tokens";

    private final AccountService accounts;
    private final SessionService sessions;

    TokenResource(AccountService accounts, SessionService sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with a password; returns a bearer token (revoke it with DELETE /api/session)")
    public Response issue(LoginRequest request, @Context HttpServerRequest http) {
        LoginRequest body = RequestBodies.required(request);
        Account account = accounts.authenticate(body.username(), body.password(), ClientAddress.of(http));
        IssuedSession issued = sessions.issue(account, SessionKind.BEARER);
        return Response.ok(TokenView.of(issued))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
