package org.callsign.idp.upstream.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.callsign.idp.api.RequestBodies;
import org.callsign.idp.session.service.CurrentUser;
import org.callsign.idp.session.service.LoggedInUser;
import org.callsign.idp.upstream.service.StartedLogin;
import org.callsign.idp.upstream.service.UpstreamLinks;
import org.callsign.idp.upstream.service.UpstreamLoginService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Account linking: the logged-in user's links to upstream identities. {@code POST} starts a link (the answer names the
 * provider's authorization URL to open in the same browser, and sets the binding cookie); the provider's callback
 * completes it ({@link UpstreamLoginResource}). Cookie requests pass the CSRF check like every other {@code /api/}
 * change.
 */
@Path(UpstreamLinkResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class UpstreamLinkResource {

    /** The links of the current user. */
    public static final String PATH = "/api/upstream-links";

    /** The body of {@code POST}. */
    public record LinkRequest(String provider) {}

    /** The answer of {@code POST}: where to send the browser. */
    public record LinkStarted(String authorizationUrl) {}

    private final CurrentUser currentUser;
    private final UpstreamLinks links;
    private final UpstreamLoginService logins;
    private final UpstreamCookies cookies;

    UpstreamLinkResource(
            CurrentUser currentUser, UpstreamLinks links, UpstreamLoginService logins, UpstreamCookies cookies) {
        this.currentUser = currentUser;
        this.links = links;
        this.logins = logins;
        this.cookies = cookies;
    }

    @GET
    @Operation(summary = "The upstream identities linked to the account")
    public Map<String, List<UpstreamLinkView>> list() {
        return Map.of(
                "links",
                links.of(currentUser.require()).stream()
                        .map(UpstreamLinkView::of)
                        .toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start linking an upstream identity: open authorizationUrl in this browser")
    public Response start(LinkRequest request) {
        LoggedInUser user = currentUser.require();
        LinkRequest body = RequestBodies.required(request);
        StartedLogin started = logins.start(body.provider(), null, null, user);
        return Response.ok(new LinkStarted(started.authorizationUri().toString()))
                .header(HttpHeaders.SET_COOKIE, cookies.issue(started.bindingSecret()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }

    @DELETE
    @Operation(summary = "Unlink an upstream identity")
    public Response unlink(@QueryParam("provider") String provider, @QueryParam("subject") String subject) {
        links.unlink(currentUser.require(), provider, subject);
        return Response.noContent().build();
    }
}
