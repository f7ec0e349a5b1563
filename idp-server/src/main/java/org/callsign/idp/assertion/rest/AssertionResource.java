package org.callsign.idp.assertion.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.LoginRequiredException;
import org.callsign.idp.api.RequestBodies;
import org.callsign.idp.assertion.service.AssertionService;
import org.callsign.idp.session.service.CurrentUser;
import org.callsign.idp.session.service.LoggedInUser;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The endpoint the proxy script's {@code generateAssertion} calls (RFC 8827 §7.6): signs an assertion for the logged-in
 * user (bearer token or session cookie) to a consented origin. Same-origin only: it answers no CORS request, so only
 * the proxy running in the IdP's own realm, or a client that is not a browser, can read an assertion.
 */
@Path(AssertionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class AssertionResource {

    /** Where assertions are issued. */
    public static final String PATH = "/api/assertions";

    /**
     * Body of {@code POST /api/assertions}.
     *
     * @param contents the exact string to sign, the RFC 8827 fingerprint object
     * @param origin the relying origin, {@code aud} of the assertion
     */
    public record AssertionRequest(String contents, String origin) {}

    /**
     * The answer: the compact JWS.
     *
     * @param assertion the assertion, opaque to everyone but the proxy script
     */
    public record AssertionView(String assertion) {}

    private final AssertionService assertions;
    private final CurrentUser currentUser;

    AssertionResource(AssertionService assertions, CurrentUser currentUser) {
        this.assertions = assertions;
        this.currentUser = currentUser;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign an identity assertion over RFC 8827 fingerprint contents for a consented origin")
    public Response issue(AssertionRequest request) {
        String origin = request == null ? null : request.origin();
        LoggedInUser user = loggedIn(origin);
        AssertionRequest body = RequestBodies.required(request);
        String assertion = assertions.issue(user, body.contents(), body.origin());
        return Response.ok(new AssertionView(assertion))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    private LoggedInUser loggedIn(String origin) {
        Optional<LoggedInUser> user = currentUser.get();
        if (user.isPresent()) {
            return user.get();
        }
        if (currentUser.presentsBearer()) {
            throw new LoginRequiredException(
                    ApiError.INVALID_TOKEN, "bearer token is invalid, expired or revoked", assertions.loginUrl(origin));
        }
        throw new LoginRequiredException(ApiError.NOT_LOGGED_IN, "log in first", assertions.loginUrl(origin));
    }
}
