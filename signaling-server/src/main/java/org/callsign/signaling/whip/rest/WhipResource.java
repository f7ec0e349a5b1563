package org.callsign.signaling.whip.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.callsign.signaling.api.RequestBodies;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.connect.rest.OfferBodies;
import org.callsign.signaling.whip.service.WhipAnswer;
import org.callsign.signaling.whip.service.WhipService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * WHIP (RFC 9725): {@code POST /whip/{deviceId}} (or {@code /whip}) with an {@code application/sdp} offer answers
 * {@code 201} with the device's answer, {@code Location: /whip/sessions/{id}} and an {@code ETag};
 * {@code PATCH} of that resource with {@code application/trickle-ice-sdpfrag} relays candidates ({@code 204});
 * {@code DELETE} ends the session ({@code 200}).
 */
@Path("/whip")
public class WhipResource {

    /** RFC 4566 §8.2.2. */
    public static final String SDP = "application/sdp";

    /** RFC 8840 §9.2. */
    public static final String SDPFRAG = "application/trickle-ice-sdpfrag";

    private final WhipService whip;
    private final CurrentClient current;

    WhipResource(WhipService whip, CurrentClient current) {
        this.whip = whip;
        this.current = current;
    }

    @POST
    @Blocking
    @Consumes(SDP)
    @Produces({SDP, MediaType.APPLICATION_JSON})
    @Operation(summary = "Send a WHIP offer to the one verified online device that can answer")
    public Uni<Response> publish(String offer) {
        return publishTo(null, offer);
    }

    @POST
    @Path("{deviceId}")
    @Blocking
    @Consumes(SDP)
    @Produces({SDP, MediaType.APPLICATION_JSON})
    @Operation(summary = "Send a WHIP offer to a device; 201 with its answer and the session resource")
    public Uni<Response> publishTo(@PathParam("deviceId") String deviceId, String offer) {
        String sdp = OfferBodies.bounded(RequestBodies.required(offer));
        return Uni.createFrom()
                .completionStage(whip.publish(deviceId, sdp, current))
                .map(WhipResource::created);
    }

    @PATCH
    @Path("sessions/{id}")
    @Consumes(SDPFRAG)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trickle the WHIP client's ICE candidates to the device")
    public Response trickle(
            @PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String fragment) {
        whip.trickle(id, ifMatch, OfferBodies.bounded(fragment), current);
        return Response.noContent().build();
    }

    @DELETE
    @Path("sessions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "End a WHIP session: the device is told bye")
    public Response end(@PathParam("id") String id) {
        whip.end(id, current);
        return Response.ok().build();
    }

    private static Response created(WhipAnswer answer) {
        return Response.status(Response.Status.CREATED)
                .type(SDP)
                .header(HttpHeaders.LOCATION, answer.location())
                .header(HttpHeaders.ETAG, "\"" + answer.etag() + "\"")
                .entity(answer.sdp())
                .build();
    }
}
