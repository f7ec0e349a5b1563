package org.callsign.idp.frame;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.callsign.idp.account.service.AccountService;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;
import org.callsign.idp.session.rest.TokenView;
import org.callsign.idp.session.service.CurrentUser;
import org.callsign.idp.session.service.IssuedSession;
import org.callsign.idp.session.service.LoggedInUser;
import org.callsign.idp.session.service.SessionService;
import org.callsign.idp.session.store.SessionKind;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /api/session/bearer}: a bearer token for the logged-in user of a session cookie, for the IdP proxy frame
 * ({@link ProxyFrameResource}), which cannot use the cookie from inside another site. Only a cookie session can be
 * exchanged (a bearer cannot breed more), and like every cookie {@code POST} it needs the CSRF header.
 */
@Path(SessionBearerResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class SessionBearerResource {

    public static final String PATH = "/api/session/bearer";

    private final CurrentUser currentUser;
    private final AccountService accounts;
    private final SessionService sessions;

    SessionBearerResource(CurrentUser currentUser, AccountService accounts, SessionService sessions) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.sessions = sessions;
    }

    @POST
    @Operation(summary = "Exchange the session cookie for a bearer token (for the IdP proxy frame)")
    public Response exchange() {
        LoggedInUser user = currentUser.require();
        if (user.kind() != SessionKind.COOKIE) {
            throw new ApiException(
                    ApiError.INVALID_REQUEST, "only a session cookie can be exchanged for a bearer token");
        }
        IssuedSession issued = sessions.issue(accounts.account(user), SessionKind.BEARER);
        return Response.ok(TokenView.of(issued))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
