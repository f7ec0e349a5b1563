package org.callsign.signaling.turn.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/ice-servers}: what a device passes as {@code RTCConfiguration.iceServers} (W3C WebRTC
 * §4.2.1), and when its TURN credentials expire.
 *
 * @param iceServers STUN servers, then the TURN server with its credentials; empty when none is configured
 * @param expires when the TURN credentials stop working; {@code null} (left out) without TURN
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServers(List<IceServer> iceServers, Instant expires) {
    public IceServers {
        iceServers = List.copyOf(iceServers);
    }
}
