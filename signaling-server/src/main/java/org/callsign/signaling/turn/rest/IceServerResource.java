package org.callsign.signaling.turn.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.turn.service.IceServerService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * STUN and TURN servers for the authenticated client's devices, in the shape of {@code RTCConfiguration.iceServers}.
 * The answer carries credentials, so it is never stored by caches ({@code Cache-Control: no-store}).
 */
@Path(IceServerResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public class IceServerResource {

    /** Where the ICE servers are handed out. */
    public static final String PATH = "/api/ice-servers";

    private final IceServerService iceServers;
    private final CurrentClient current;

    IceServerResource(IceServerService iceServers, CurrentClient current) {
        this.iceServers = iceServers;
        this.current = current;
    }

    @GET
    @Operation(summary = "STUN and TURN servers with short-lived TURN credentials, as RTCConfiguration.iceServers")
    public Response get() {
        return Response.ok(iceServers.forClient(current.require().clientId()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
