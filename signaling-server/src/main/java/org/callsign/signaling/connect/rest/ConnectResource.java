package org.callsign.signaling.connect.rest;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.callsign.signaling.api.RequestBodies;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.connect.service.ConnectService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * webexec's HTTP signaling endpoint: {@code POST /connect} with {@code {fingerprint, api_version, offer}} answers
 * {@code 200 text/plain} with the device's answer, base64 of its JSON session description, once the device answers.
 * Admission, the checks and the wait are {@link ConnectService}'s; the request holds no thread while it waits.
 */
@Path("/connect")
public class ConnectResource {

    private final ConnectService connect;
    private final CurrentClient current;

    ConnectResource(ConnectService connect, CurrentClient current) {
        this.connect = connect;
        this.current = current;
    }

    @POST
    @Blocking
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Produces({MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "Send an offer to a device and get its complete answer (webexec's /connect): base64 of the"
                    + " JSON session description, both ways")
    public Uni<Response> connect(String body) {
        ConnectRequest request = OfferBodies.json(RequestBodies.required(body), ConnectRequest.class);
        return Uni.createFrom()
                .completionStage(connect.connect(
                        request.apiVersion(), request.offer(), request.fingerprint(), request.target(), current))
                .map(answer -> Response.ok(answer, MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                        .build());
    }
}
