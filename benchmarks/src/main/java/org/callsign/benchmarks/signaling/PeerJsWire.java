package org.callsign.benchmarks.signaling;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The PeerJS server's framing (npm {@code peer} 1.0.2, {@code src/enums.ts} and {@code messageHandler}): a device
 * sends {@code {"type", "dst", "payload"}}; the server keeps those three fields, adds {@code src} (the sender's id)
 * and writes the message to {@code dst}'s socket, answering nothing to the sender. The payloads are shaped as the
 * PeerJS browser client writes them for a media connection ({@code sdp} as an {@code RTCSessionDescriptionInit},
 * {@code candidate} as an {@code RTCIceCandidateInit}, {@code connectionId} naming the call), so that the offer
 * carries the same SDP as signaling-server's. The call's hang-up is {@code LEAVE}, which the server relays the same
 * way. The server greets a socket with {@code OPEN}; {@code ERROR}, {@code ID-TAKEN} and {@code EXPIRE} (a message
 * to a peer that was not connected) are failures here.
 */
final class PeerJsWire implements RelayWire {
    static final PeerJsWire INSTANCE = new PeerJsWire();

    private PeerJsWire() {}

    @Override
    public String offer(String to, String session, String sdpJson) {
        return description("OFFER", "offer", to, session, sdpJson);
    }

    @Override
    public String answer(String to, String session, String sdpJson) {
        return description("ANSWER", "answer", to, session, sdpJson);
    }

    @Override
    public String candidate(String to, String session, String foundation) {
        return "{\"type\":\"CANDIDATE\",\"dst\":\"" + to + "\",\"payload\":{\"candidate\":{\"candidate\":\""
                + RelayWire.candidateLine(foundation)
                + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0},\"type\":\"media\",\"connectionId\":\"" + session + "\"}}";
    }

    @Override
    public String bye(String to, String session) {
        return "{\"type\":\"LEAVE\",\"dst\":\"" + to + "\",\"payload\":{\"connectionId\":\"" + session + "\"}}";
    }

    @Override
    public Received read(JsonNode message) {
        JsonNode payload = message.path("payload");
        String session = payload.path("connectionId").asText();
        return switch (message.path("type").asText()) {
            case "OFFER" -> Received.of(Kind.OFFER, session);
            case "ANSWER" -> Received.of(Kind.ANSWER, session);
            case "CANDIDATE" ->
                new Received(
                        Kind.CANDIDATE,
                        session,
                        RelayWire.foundationOf(
                                payload.path("candidate").path("candidate").asText()),
                        "");
            // The server writes a LEAVE of its own, without a payload, when it cannot deliver to a peer.
            case "LEAVE" ->
                session.isEmpty() ? Received.error("LEAVE from the server") : Received.of(Kind.BYE, session);
            case "ERROR" -> Received.error(payload.path("msg").asText("ERROR"));
            case "ID-TAKEN", "EXPIRE" -> Received.error(message.path("type").asText());
            default -> Received.other();
        };
    }

    @Override
    public boolean opens(JsonNode message) {
        return "OPEN".equals(message.path("type").asText());
    }

    private static String description(String type, String sdpType, String to, String session, String sdpJson) {
        return "{\"type\":\"" + type + "\",\"dst\":\"" + to + "\",\"payload\":{\"sdp\":{\"type\":\"" + sdpType
                + "\",\"sdp\":" + sdpJson + "},\"type\":\"media\",\"connectionId\":\"" + session + "\"}}";
    }
}
