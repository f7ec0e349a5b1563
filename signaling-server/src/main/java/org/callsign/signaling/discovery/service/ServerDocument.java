package org.callsign.signaling.discovery.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A signaling server's description of itself, {@code /.well-known/callsign} (docs/federation.md).
 *
 * @param server the server's origin
 * @param protocols the WebSocket protocols it speaks ({@code callsign.v1})
 * @param websocket the URL devices connect to
 * @param federation its federation endpoint and keys, if it federates
 */
public record ServerDocument(String server, List<String> protocols, String websocket, Optional<Federation> federation) {

    /**
     * How to reach the server's federation endpoints and check its signatures.
     *
     * @param endpoint the base URL of the federation paths, on the server's origin
     * @param keys the JWK set of its signing keys, as published
     */
    public record Federation(String endpoint, JsonNode keys) {}
}
