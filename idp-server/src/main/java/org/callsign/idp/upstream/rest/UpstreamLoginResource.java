package org.callsign.idp.upstream.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import org.callsign.idp.page.LoginTarget;
import org.callsign.idp.page.PageResponses;
import org.callsign.idp.session.rest.LoginPageResource;
import org.callsign.idp.session.service.IssuedSession;
import org.callsign.idp.session.service.SessionCookies;
import org.callsign.idp.session.service.SessionService;
import org.callsign.idp.session.store.SessionKind;
import org.callsign.idp.upstream.service.StartedLogin;
import org.callsign.idp.upstream.service.UpstreamCallback;
import org.callsign.idp.upstream.service.UpstreamLoginService;
import org.callsign.idp.upstream.service.UpstreamOutcome;
import org.callsign.server.html.Html;

/**
 * Login through an upstream OpenID Connect provider (OpenID Connect Core 1.0 §3.1). {@code GET
 * /login/upstream/<provider>[?origin=…][&next=…]} sends the browser to the provider; the provider sends it back to
 * {@code /login/upstream/<provider>/callback} (the redirect URI to register there), which logs the mapped account in
 * with the session cookie and continues at the login page with the same {@code origin} and {@code next}, so that the
 * {@code idp-need-login} flow still ends with {@code "WEBRTC-LOGINDONE"}. A link started at {@code POST
 * /api/upstream-links} ends on a page that says what was linked. Refusals are error pages with the code of
 * {@code UpstreamError} ({@link UpstreamPageErrors}).
 */
@Path(UpstreamLoginResource.PATH + "/{provider}")
@Produces(MediaType.TEXT_HTML)
public class UpstreamLoginResource {

    /** Where upstream logins start. */
    public static final String PATH = "/login/upstream";

    private final UpstreamLoginService logins;
    private final UpstreamCookies upstreamCookies;
    private final SessionService sessions;
    private final SessionCookies sessionCookies;
    private final PageResponses pages;

    UpstreamLoginResource(
            UpstreamLoginService logins,
            UpstreamCookies upstreamCookies,
            SessionService sessions,
            SessionCookies sessionCookies,
            PageResponses pages) {
        this.logins = logins;
        this.upstreamCookies = upstreamCookies;
        this.sessions = sessions;
        this.sessionCookies = sessionCookies;
        this.pages = pages;
    }

    @GET
    public Response start(
            @PathParam("provider") String provider,
            @QueryParam("origin") String origin,
            @QueryParam("next") String next) {
        LoginTarget target;
        try {
            target = LoginTarget.parse(origin, next);
        } catch (IllegalArgumentException e) {
            return pages.error(400, e.getMessage());
        }
        StartedLogin started = logins.start(provider, target.origin(), target.next(), null);
        return redirect(started.authorizationUri())
                .header(HttpHeaders.SET_COOKIE, upstreamCookies.issue(started.bindingSecret()))
                .build();
    }

    @GET
    @Path("callback")
    public Response callback(
            @PathParam("provider") String provider,
            @QueryParam("state") String state,
            @QueryParam("code") String code,
            @QueryParam("error") String error,
            @QueryParam("iss") String issuer,
            @Context HttpHeaders headers) {
        UpstreamOutcome outcome = logins.finish(
                provider, new UpstreamCallback(state, code, error, issuer, upstreamCookies.read(headers)));
        if (outcome.login().isLink()) {
            String identity = sessions.identity(outcome.account().username());
            return Response.fromResponse(pages.page(
                            200,
                            "Linked",
                            "<main id=\"linked\" data-provider=\"" + Html.escape(provider) + "\">\n<h1>Linked</h1>\n"
                                    + "<p id=\"status\" role=\"status\">Your " + Html.escape(provider)
                                    + " identity now logs you in as " + Html.escape(identity) + ".</p>\n</main>\n"))
                    .header(HttpHeaders.SET_COOKIE, upstreamCookies.clear())
                    .build();
        }
        IssuedSession issued = sessions.issue(outcome.account(), SessionKind.COOKIE);
        LoginTarget target =
                new LoginTarget(outcome.login().origin(), outcome.login().next());
        return redirect(URI.create(target.loginPagePath(LoginPageResource.PATH)))
                .header(HttpHeaders.SET_COOKIE, upstreamCookies.clear())
                .header(
                        HttpHeaders.SET_COOKIE,
                        sessionCookies.issue(
                                issued.secret(),
                                Duration.between(
                                        issued.session().created(),
                                        issued.session().expires())))
                .build();
    }

    private static Response.ResponseBuilder redirect(URI location) {
        return Response.seeOther(location)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer");
    }
}
