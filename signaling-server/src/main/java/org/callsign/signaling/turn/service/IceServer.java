package org.callsign.signaling.turn.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One entry of {@code RTCConfiguration.iceServers} (W3C WebRTC §4.2.2, {@code RTCIceServer}): STUN or TURN URLs
 * (RFC 7064, RFC 7065) and, for TURN, the credentials a device presents to the TURN server.
 *
 * @param urls {@code stun:}, {@code turn:} or {@code turns:} URLs
 * @param username the TURN username, or {@code null} for STUN
 * @param credential the TURN password, or {@code null} for STUN
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IceServer(List<String> urls, String username, String credential) {
    public IceServer {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an ICE server needs at least one URL");
        }
    }
}
