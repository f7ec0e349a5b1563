package org.callsign.benchmarks.signaling;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * signaling-server's framing ({@code docs/protocol.md}): {@code offer} addressed to a device, the rest of the call
 * addressed by its session, each message answered by an {@code ack}. The bare relay (the floor) reads the same
 * messages but routes every one by address, so there each carries {@code to} as well.
 */
final class CallsignWire implements RelayWire {
    /** As signaling-server takes them. */
    static final CallsignWire SIGNALING_SERVER = new CallsignWire(false);

    /** Every message addressed, for the bare relay. */
    static final CallsignWire ADDRESSED = new CallsignWire(true);

    private final boolean addressEvery;

    private CallsignWire(boolean addressEvery) {
        this.addressEvery = addressEvery;
    }

    @Override
    public String offer(String to, String session, String sdpJson) {
        return head("offer", session, "o", to, true) + ",\"sdp\":" + sdpJson + "}";
    }

    @Override
    public String answer(String to, String session, String sdpJson) {
        return head("answer", session, "a", to, addressEvery) + ",\"sdp\":" + sdpJson + "}";
    }

    @Override
    public String candidate(String to, String session, String foundation) {
        return head("candidate", session, foundation, to, addressEvery) + ",\"candidate\":{\"candidate\":\""
                + RelayWire.candidateLine(foundation) + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}";
    }

    @Override
    public String bye(String to, String session) {
        return head("bye", session, "y", to, addressEvery) + "}";
    }

    @Override
    public Received read(JsonNode message) {
        String session = message.path("session").asText();
        return switch (message.path("type").asText()) {
            case "offer" -> Received.of(Kind.OFFER, session);
            case "answer" -> Received.of(Kind.ANSWER, session);
            case "candidate" ->
                new Received(
                        Kind.CANDIDATE,
                        session,
                        RelayWire.foundationOf(
                                message.path("candidate").path("candidate").asText()),
                        "");
            case "bye" -> Received.of(Kind.BYE, session);
            case "ack" -> Received.of(Kind.ACK, session);
            case "error" -> Received.error(message.path("error").asText());
            default -> Received.other();
        };
    }

    @Override
    public boolean opens(JsonNode message) {
        return "welcome".equals(message.path("type").asText());
    }

    private static String head(String type, String session, String step, String to, boolean addressed) {
        String address = addressed ? "\"to\":\"" + to + "\"," : "";
        return "{\"type\":\"" + type + "\",\"v\":1,\"id\":\"" + session + "-" + step + "\"," + address
                + "\"session\":\"" + session + "\"";
    }
}
