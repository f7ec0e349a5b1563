package org.callsign.signaling.connect.rest;

import jakarta.ws.rs.core.Response;
import org.callsign.signaling.api.ApiExceptionMappers;
import org.callsign.signaling.signal.service.SignalingException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The relay's refusals on HTTP ({@code /connect}, WHIP): the same codes as the WebSocket protocol's {@code error}
 * frames, with their HTTP statuses, in the typed error body.
 */
public class SignalingExceptionMapper {

    @ServerExceptionMapper
    public Response signaling(SignalingException e) {
        return ApiExceptionMappers.response(e.error(), e.getMessage()).build();
    }
}
