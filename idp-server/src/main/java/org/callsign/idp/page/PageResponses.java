package org.callsign.idp.page;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.callsign.idp.config.IdpConfig;
import org.callsign.server.html.Html;

/**
 * The IdP's HTML pages (login, consent) and the headers they carry.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: nothing but the page's own script ({@value #SCRIPT}), same-origin
 *       {@code fetch}, and forms posting to the IdP; no inline script, no plugins, no {@code <base>}.
 *   <li>Framing: {@code frame-ancestors 'none'} and {@code X-Frame-Options: DENY}. The pages open as popups (the
 *       relying page calls {@code window.open}); a framed password form invites clickjacking. Operators who need an
 *       iframe list the framing origins in {@code callsign.idp.pages.frame-ancestors}, and {@code X-Frame-Options}
 *       (which cannot express a list) is then left out.
 *   <li>No {@code Cross-Origin-Opener-Policy}: the page must keep {@code window.opener} to post
 *       {@code "WEBRTC-LOGINDONE"} back.
 *   <li>{@code Cache-Control: no-store}, {@code Referrer-Policy: no-referrer}, {@code X-Content-Type-Options: nosniff}.
 * </ul>
 */
@Singleton
public class PageResponses {

    /** The pages' only script, served from {@code META-INF/resources}. */
    public static final String SCRIPT = "/assets/idp-pages.js";

    private final List<String> frameAncestors;

    public PageResponses(IdpConfig config) {
        this.frameAncestors = config.pages().frameAncestors().orElse(List.of());
    }

    /** A page with {@code status}, title and body (already escaped HTML). */
    public Response page(int status, String title, String body) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + Html.escape(title) + "</title>\n"
                + "<script src=\"" + SCRIPT + "\" defer></script>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
        Response.ResponseBuilder response = Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .entity(html)
                .header("Content-Security-Policy", contentSecurityPolicy())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff");
        if (frameAncestors.isEmpty()) {
            response.header("X-Frame-Options", "DENY");
        }
        return response.build();
    }

    /** A page that only says what went wrong. */
    public Response error(int status, String message) {
        return page(status, "Error", "<main>\n<h1>Error</h1>\n<p>" + Html.escape(message) + "</p>\n</main>\n");
    }

    /** A page that says what went wrong, with the error's code in {@code data-error} for scripts and tests. */
    public Response error(int status, String code, String message) {
        return page(
                status,
                "Error",
                "<main id=\"error\" data-error=\"" + Html.escape(code) + "\">\n<h1>Error</h1>\n<p>"
                        + Html.escape(message) + "</p>\n</main>\n");
    }

    /** The policy of every page. */
    public String contentSecurityPolicy() {
        String ancestors = frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors);
        return "default-src 'none'; script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                + "frame-ancestors " + ancestors;
    }
}
