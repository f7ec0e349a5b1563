package org.callsign.idp.consent.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.callsign.idp.account.service.AccountService;
import org.callsign.idp.account.store.Account;
import org.callsign.idp.consent.service.ConsentService;
import org.callsign.idp.consent.service.Origins;
import org.callsign.idp.consent.store.Claim;
import org.callsign.idp.page.PageResponses;
import org.callsign.idp.session.rest.LoginPageResource;
import org.callsign.idp.session.service.CurrentUser;
import org.callsign.idp.session.service.LoggedInUser;
import org.callsign.server.html.Html;

/**
 * The consent page (RFC 8827 §9.4.3), for the need-login-with-consent flow: asks the logged-in user whether
 * {@code origin} may receive assertions, and which profile claims it may see. Not logged in: a 303 to the login page,
 * which continues here. Allowing grants through {@code POST /api/consents}, then posts {@code "WEBRTC-LOGINDONE"} to
 * the opener at exactly {@code origin}; denying closes the window.
 */
@Path(ConsentPageResource.PATH)
public class ConsentPageResource {

    /** The consent page. */
    public static final String PATH = "/consent";

    private final PageResponses pages;
    private final CurrentUser currentUser;
    private final ConsentService consents;
    private final AccountService accounts;

    ConsentPageResource(
            PageResponses pages, CurrentUser currentUser, ConsentService consents, AccountService accounts) {
        this.pages = pages;
        this.currentUser = currentUser;
        this.consents = consents;
        this.accounts = accounts;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("origin") String origin) {
        Optional<String> parsed = Origins.tryParse(origin);
        if (parsed.isEmpty()) {
            return pages.error(400, "origin is missing or not a valid web origin");
        }
        String relying = parsed.get();
        Optional<LoggedInUser> user = currentUser.presentsBearer() ? Optional.empty() : currentUser.get();
        if (user.isEmpty()) {
            String next = PATH + "?origin=" + encode(relying);
            return Response.seeOther(
                            URI.create(LoginPageResource.PATH + "?origin=" + encode(relying) + "&next=" + encode(next)))
                    .header("Cache-Control", "no-store")
                    .build();
        }
        Account account = accounts.account(user.get());
        boolean already = consents.allows(user.get(), relying);
        String escaped = Html.escape(relying);
        String body = "<main id=\"consent\" data-origin=\"" + escaped + "\">\n"
                + "<h1>Allow " + escaped + "?</h1>\n"
                + "<p>" + escaped + " asks to receive signed statements that you are <strong>"
                + Html.escape(user.get().identity()) + "</strong> when you call from it.</p>\n"
                + (already ? "<p>You have already allowed it; allowing again updates what it may see.</p>\n" : "")
                + "<form id=\"consent-form\" method=\"post\" action=\"/api/consents\">\n"
                + "<fieldset><legend>Also share</legend>\n"
                + claim(Claim.NAME, "Display name", account.displayName())
                + claim(Claim.PICTURE, "Avatar URL", account.avatarUrl())
                + "</fieldset>\n"
                + "<p><button type=\"submit\">Allow</button> <button type=\"button\" id=\"deny\">Deny</button></p>\n"
                + "<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n"
                + "</form>\n</main>\n";
        return pages.page(200, "Allow " + relying + "?", body);
    }

    private static String claim(Claim claim, String label, String value) {
        String id = "claim-" + claim.value();
        String shown = value == null ? " (not set)" : ": " + Html.escape(value);
        return "<p><input type=\"checkbox\" id=\"" + id + "\" name=\"claims\" value=\"" + claim.value() + "\""
                + (value == null ? " disabled" : "") + "> <label for=\"" + id + "\">" + label + shown
                + "</label></p>\n";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
