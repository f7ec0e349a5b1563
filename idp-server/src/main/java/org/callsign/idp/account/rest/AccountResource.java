package org.callsign.idp.account.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.callsign.idp.account.service.AccountService;
import org.callsign.idp.account.store.Account;
import org.callsign.idp.api.ClientAddress;
import org.callsign.idp.api.RequestBodies;
import org.callsign.idp.session.service.CurrentUser;
import org.callsign.idp.session.service.LoggedInUser;
import org.callsign.idp.session.service.SessionCookies;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Registration and the logged-in user's own account: profile, password, deletion. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** Body of {@code POST /api/accounts}. */
    public record RegisterRequest(String username, String password) {}

    /** Body of {@code PUT /api/account/password}. */
    public record ChangePasswordRequest(String currentPassword, String newPassword) {}

    /** Body of {@code DELETE /api/account}. */
    public record DeleteAccountRequest(String password) {}

    /** Body of {@code PUT /api/account/profile}. */
    public record ProfileRequest(String displayName, String avatarUrl, String signalingServer) {}

    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final SessionCookies cookies;

    AccountResource(AccountService accounts, CurrentUser currentUser, SessionCookies cookies) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.cookies = cookies;
    }

    @POST
    @Path("/accounts")
    @Operation(summary = "Register an account (username normalised, password bcrypt-hashed); does not log in")
    public Response register(RegisterRequest request, @Context HttpServerRequest http) {
        RegisterRequest body = RequestBodies.required(request);
        Account account = accounts.register(body.username(), body.password(), ClientAddress.of(http));
        return Response.created(URI.create("/api/account"))
                .entity(view(account))
                .build();
    }

    @GET
    @Path("/account")
    @Operation(summary = "The logged-in user's account")
    public AccountView account() {
        return view(accounts.account(currentUser.require()));
    }

    @PUT
    @Path("/account/profile")
    @Operation(summary = "Set the optional profile: display name, https avatar URL, signaling server URL")
    public AccountView profile(ProfileRequest request) {
        LoggedInUser user = currentUser.require();
        ProfileRequest body = RequestBodies.required(request);
        return view(accounts.updateProfile(user, body.displayName(), body.avatarUrl(), body.signalingServer()));
    }

    @PUT
    @Path("/account/password")
    @Operation(summary = "Change the password; revokes every session and token of the account")
    public Response changePassword(ChangePasswordRequest request, @Context HttpServerRequest http) {
        LoggedInUser user = currentUser.require();
        ChangePasswordRequest body = RequestBodies.required(request);
        accounts.changePassword(user, body.currentPassword(), body.newPassword(), ClientAddress.of(http));
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, cookies.clear())
                .build();
    }

    @DELETE
    @Path("/account")
    @Operation(summary = "Delete the account with its sessions, tokens and consents (password required)")
    public Response delete(DeleteAccountRequest request, @Context HttpServerRequest http) {
        LoggedInUser user = currentUser.require();
        DeleteAccountRequest body = RequestBodies.required(request);
        accounts.delete(user, body.password(), ClientAddress.of(http));
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, cookies.clear())
                .build();
    }

    private AccountView view(Account account) {
        return new AccountView(
                account.username(),
                accounts.identity(account),
                account.displayName(),
                account.avatarUrl(),
                account.signalingServer(),
                account.created());
    }
}
