package org.callsign.idp.session.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import org.callsign.idp.session.service.CurrentUser;
import org.callsign.idp.session.service.IssuedSession;
import org.callsign.idp.session.service.LoggedInUser;
import org.callsign.idp.session.service.SessionCookies;
import org.callsign.idp.session.service.SessionService;
import org.callsign.idp.session.store.SessionKind;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The browser login: {@code POST} sets the session cookie, {@code GET} tells who is logged in (cookie or bearer),
 * {@code DELETE} logs out (revokes the presented cookie session or bearer token).
 */
@Path(SessionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    /** Where the session lives. */
    public static final String PATH = "/api/session";

    private final AccountService accounts;
    private final SessionService sessions;
    private final SessionCookies cookies;
    private final CurrentUser currentUser;

    SessionResource(AccountService accounts, SessionService sessions, SessionCookies cookies, CurrentUser currentUser) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.cookies = cookies;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with a password; sets the session cookie (requires the X-Callsign-Csrf header)")
    public Response login(LoginRequest request, @Context HttpServerRequest http) {
        LoginRequest body = RequestBodies.required(request);
        Account account = accounts.authenticate(body.username(), body.password(), ClientAddress.of(http));
        IssuedSession issued = sessions.issue(account, SessionKind.COOKIE);
        return Response.ok(view(issued.user()))
                .header(HttpHeaders.SET_COOKIE, cookies.issue(issued.secret(), lifetime(issued)))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @GET
    @Operation(summary = "The current login, by session cookie or bearer token")
    public SessionView current() {
        return view(currentUser.require());
    }

    @DELETE
    @Operation(summary = "Log out: revoke the presented session cookie or bearer token")
    public Response logout() {
        LoggedInUser user = currentUser.require();
        sessions.revoke(user.sessionKey());
        Response.ResponseBuilder response = Response.noContent();
        if (user.kind() == SessionKind.COOKIE) {
            response.header(HttpHeaders.SET_COOKIE, cookies.clear());
        }
        return response.build();
    }

    static SessionView view(LoggedInUser user) {
        return new SessionView(user.username(), user.identity(), user.kind().value(), user.expires());
    }

    private static java.time.Duration lifetime(IssuedSession issued) {
        return java.time.Duration.between(
                issued.session().created(), issued.session().expires());
    }
}
