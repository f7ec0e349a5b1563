package org.callsign.idp.frame;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.callsign.idp.consent.service.Origins;
import org.callsign.idp.page.PageResponses;
import org.callsign.idp.proxy.IdpProxyResource;
import org.callsign.server.html.Html;

/**
 * The IdP proxy frame, for browsers without WebRTC identity (all but Firefox): the page at
 * {@code /proxy-frame/<protocol>} that a web client embeds in an iframe so that this IdP's proxy script
 * ({@code /.well-known/idp-proxy/<protocol>}) runs at this IdP's origin, as the seed design's "constrained iframe"
 * and the W3C IdP realm (webrtc-identity §5) have it. The frame's script ({@value #FRAME_SCRIPT}) talks to the
 * embedding page only by {@code postMessage}; it asks for assertions only for pages whose origin the user allowed
 * (their consents), and signs with a bearer token that only this IdP's own sign-in page
 * ({@code /proxy-frame/handoff}, opened as a popup) hands it: a frame of another site gets no cookie of this IdP
 * ({@code SameSite=Lax}). Validation needs no credentials and is offered to any page. See docs/web-client.md.
 */
@Path(ProxyFrameResource.PATH)
public class ProxyFrameResource {

    /** Where the frame and its sign-in page are served. */
    public static final String PATH = "/proxy-frame";

    /** The frame's script, served from {@code META-INF/resources}. */
    public static final String FRAME_SCRIPT = "/assets/proxy-frame.js";

    /** The sign-in page's script. */
    public static final String HANDOFF_SCRIPT = "/assets/proxy-frame-handoff.js";

    private final PageResponses pages;

    ProxyFrameResource(PageResponses pages) {
        this.pages = pages;
    }

    /** The frame for {@code protocol}; any page may embed it. */
    @GET
    @Path("/{protocol}")
    @Produces(MediaType.TEXT_HTML)
    public Response frame(@PathParam("protocol") String protocol) {
        if (!IdpProxyResource.DEFAULT_PROTOCOL.equals(protocol)) {
            return pages.error(404, "no IdP proxy for this protocol; try 'default'");
        }
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>IdP proxy frame</title>\n"
                + "<script src=\"" + FRAME_SCRIPT + "\" data-protocol=\"" + Html.escape(protocol) + "\" data-proxy=\""
                + IdpProxyResource.PATH + "/" + Html.escape(protocol) + "\" defer></script>\n</head>\n<body></body>\n"
                + "</html>\n";
        return Response.ok(html)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                                + "frame-ancestors *")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /**
     * The sign-in page's last step, reached after {@code /login} (as its {@code next}): it exchanges the session
     * cookie for a bearer token and gives it to the opener's frames of this origin only, then posts
     * {@code "WEBRTC-LOGINDONE"} to the opener ({@code origin}, or {@code "*"}).
     */
    @GET
    @Path("/handoff")
    @Produces(MediaType.TEXT_HTML)
    public Response handoff(@QueryParam("origin") String origin) {
        String targetOrigin = "*";
        if (origin != null) {
            Optional<String> parsed = Origins.tryParse(origin);
            if (parsed.isEmpty()) {
                return pages.error(400, "origin is not a valid web origin");
            }
            targetOrigin = parsed.get();
        }
        String body = "<main id=\"handoff\" data-target-origin=\"" + Html.escape(targetOrigin) + "\">\n"
                + "<h1>Signing in</h1>\n<p id=\"status\" role=\"status\">Handing your sign-in to the calling page…</p>\n"
                + "<script src=\"" + HANDOFF_SCRIPT + "\" defer></script>\n</main>\n";
        return pages.page(200, "Signing in", body);
    }
}
