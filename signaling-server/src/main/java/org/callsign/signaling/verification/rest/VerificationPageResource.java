package org.callsign.signaling.verification.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.function.Supplier;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.verification.service.PendingVerification;
import org.callsign.signaling.verification.service.VerificationLinkService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A verification link, opened: {@code GET} shows the device (name, kind, fingerprint) and a button, and changes
 * nothing (mail scanners and link previews fetch links); {@code POST}, from that page, verifies it. The link is the
 * only credential, and a post from another origin is refused ({@code Origin}, {@code Sec-Fetch-Site}). Refusals are
 * an HTML page for browsers (that ask for {@code text/html}) and the typed JSON error for everyone else.
 */
@Path(VerificationPageResource.PATH)
public class VerificationPageResource {

    /** Where links point. */
    public static final String PATH = "/verify/{token}";

    private final VerificationLinkService links;

    VerificationPageResource(VerificationLinkService links) {
        this.links = links;
    }

    @GET
    @Operation(summary = "The page of a verification link: the device, and a button that verifies it")
    public Response page(@PathParam("token") String token, @Context HttpHeaders headers) {
        return answer(headers, () -> {
            PendingVerification pending = links.open(token);
            Device device = pending.device();
            String clientId = pending.claims().client();
            return device.verified()
                    ? VerificationPages.alreadyVerified(clientId, device)
                    : VerificationPages.confirm(
                            clientId, device, pending.claims().expires());
        });
    }

    @POST
    @Operation(summary = "Verify the device of a verification link (once, from the link's page)")
    public Response confirm(@PathParam("token") String token, @Context HttpHeaders headers, @Context UriInfo uri) {
        return answer(headers, () -> {
            requireSameOrigin(headers, uri);
            PendingVerification done = links.confirm(token);
            return VerificationPages.verified(done.claims().client(), done.device());
        });
    }

    /** Refuses a post that a browser says came from another site, or whose origin is not this server's. */
    private void requireSameOrigin(HttpHeaders headers, UriInfo uri) {
        String site = headers.getHeaderString("Sec-Fetch-Site");
        String origin = headers.getHeaderString("Origin");
        boolean crossSite = site != null && !site.equals("same-origin") && !site.equals("none");
        if (crossSite || (origin != null && !origin.equals(links.originFor(uri.getBaseUri())))) {
            throw new ApiException(ApiError.NOT_ALLOWED, "a verification link can only be used from its own page");
        }
    }

    private static Response answer(HttpHeaders headers, Supplier<Response> page) {
        try {
            return page.get();
        } catch (ApiException e) {
            if (acceptsHtml(headers)) {
                return VerificationPages.error(e);
            }
            throw e;
        }
    }

    private static boolean acceptsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type ->
                        type.getType().equals("text") && type.getSubtype().equals("html"));
    }
}
