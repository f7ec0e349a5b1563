package org.callsign.signaling.federation.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.federation.service.FederationSigning;
import org.callsign.signaling.federation.service.LocalServer;
import org.callsign.signaling.push.service.PushKeys;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /.well-known/callsign} (RFC 8615): this server's description for other servers and devices: its origin,
 * protocols, WebSocket URL, federation endpoint with the public keys that sign its federation requests, and the VAPID
 * public key of its pushes ({@code push.vapidPublicKey}, RFC 8292 §3.2: a browser's {@code applicationServerKey}).
 */
@Path("/.well-known/callsign")
public class WellKnownResource {

    /** How long others may cache the document. */
    public static final int MAX_AGE_SECONDS = 300;

    private final LocalServer server;
    private final FederationSigning signing;
    private final PushKeys push;

    WellKnownResource(LocalServer server, FederationSigning signing, PushKeys push) {
        this.server = server;
        this.signing = signing;
        this.push = push;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "This server's description: origin, protocols, WebSocket URL, federation endpoint and keys, VAPID key")
    public Response document() {
        String origin = server.origin()
                .orElseThrow(() -> new ApiException(ApiError.NOT_FOUND, "this server has no public URL"));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("server", origin);
        document.put("protocols", List.of("callsign.v1"));
        document.put("websocket", LocalServer.websocketUrl(origin));
        signing.keys()
                .ifPresent(keys -> document.put(
                        "federation",
                        Map.of(
                                "endpoint",
                                server.federationEndpoint(),
                                "keys",
                                keys.publicKeys().toJSONObject(true))));
        push.publicKey().ifPresent(key -> document.put("push", Map.of("vapidPublicKey", key)));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(MAX_AGE_SECONDS);
        return Response.ok(document).cacheControl(cache).build();
    }
}
