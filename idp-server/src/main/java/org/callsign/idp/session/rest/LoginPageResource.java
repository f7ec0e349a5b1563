package org.callsign.idp.session.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.callsign.idp.config.IdpConfig;
import org.callsign.idp.page.LoginTarget;
import org.callsign.idp.page.PageResponses;
import org.callsign.idp.session.service.CurrentUser;
import org.callsign.idp.session.service.LoggedInUser;
import org.callsign.idp.upstream.rest.UpstreamLoginResource;
import org.callsign.idp.upstream.service.UpstreamProviders;
import org.callsign.server.html.Html;

/**
 * The login page, the {@code idpLoginUrl} of {@code idp-need-login} (W3C webrtc-identity §9.4, RFC 8827 §7.6). After
 * a successful login (or at once, if already logged in) its script posts {@code "WEBRTC-LOGINDONE"} to
 * {@code window.opener || window.parent}, or continues to {@code next} (the consent page). It also links to a login
 * through each configured upstream OpenID Connect provider, which comes back here logged in.
 *
 * <p>Target origin of the message: the page cannot know the relying page's origin for sure, and the message carries
 * nothing secret (the relying page then asks the proxy for an assertion again, which consent still guards). So the
 * relying page may say {@code ?origin=<its origin>}, and the message goes only to that origin (the browser drops it if
 * the opener is not that origin); without the parameter it goes to {@code "*"}.
 */
@Path(LoginPageResource.PATH)
public class LoginPageResource {

    /** The login page. */
    public static final String PATH = "/login";

    private final PageResponses pages;
    private final CurrentUser currentUser;
    private final IdpConfig config;
    private final UpstreamProviders providers;

    LoginPageResource(PageResponses pages, CurrentUser currentUser, IdpConfig config, UpstreamProviders providers) {
        this.pages = pages;
        this.currentUser = currentUser;
        this.config = config;
        this.providers = providers;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("origin") String origin, @QueryParam("next") String next) {
        LoginTarget target;
        try {
            target = LoginTarget.parse(origin, next);
        } catch (IllegalArgumentException e) {
            return pages.error(400, e.getMessage());
        }
        String targetOrigin = target.origin() == null ? "*" : target.origin();
        String nextPath = target.next() == null ? "" : target.next();
        Optional<LoggedInUser> user = currentUser.presentsBearer() ? Optional.empty() : currentUser.get();
        String domain = Html.escape(config.domain());
        String body = "<main id=\"login\" data-target-origin=\"" + Html.escape(targetOrigin) + "\" data-next=\""
                + Html.escape(nextPath) + "\" data-logged-in=\"" + user.isPresent() + "\">\n"
                + "<h1>Log in to " + domain + "</h1>\n"
                + (user.isPresent()
                        ? "<p id=\"status\" role=\"status\">Logged in as "
                                + Html.escape(user.get().identity()) + ".</p>\n"
                        : form(domain) + upstreamButtons(target))
                + "</main>\n";
        return pages.page(200, "Log in to " + config.domain(), body);
    }

    /** One "Sign in with <provider>" link per upstream provider, keeping the page's parameters. */
    private String upstreamButtons(LoginTarget target) {
        if (providers.displayNames().isEmpty()) {
            return "";
        }
        StringBuilder links = new StringBuilder("<ul id=\"upstream\">\n");
        providers.displayNames().forEach((name, displayName) -> links.append("<li><a class=\"upstream\" href=\"")
                .append(Html.escape(target.loginPagePath(UpstreamLoginResource.PATH + "/" + name)))
                .append("\">Sign in with ")
                .append(Html.escape(displayName))
                .append("</a></li>\n"));
        return links.append("</ul>\n").toString();
    }

    private static String form(String domain) {
        return "<noscript><p>This page needs JavaScript to log you in and to tell the calling page when you are done."
                + "</p></noscript>\n"
                + "<form id=\"login-form\" method=\"post\" action=\"" + SessionResource.PATH + "\">\n"
                + "<p><label for=\"username\">Username</label>\n"
                + "<input id=\"username\" name=\"username\" autocomplete=\"username\" autocapitalize=\"none\""
                + " spellcheck=\"false\" required maxlength=\"64\" aria-describedby=\"domain\">\n"
                + "<span id=\"domain\">@" + domain + "</span></p>\n"
                + "<p><label for=\"password\">Password</label>\n"
                + "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\""
                + " required></p>\n"
                + "<p><button type=\"submit\">Log in</button></p>\n"
                + "<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n"
                + "</form>\n";
    }
}
