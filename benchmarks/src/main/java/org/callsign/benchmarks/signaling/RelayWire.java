package org.callsign.benchmarks.signaling;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one relay's devices write the seven messages of a benchmark call and read what the relay delivers: the call is
 * the same for every relay (an offer with the caller's SDP, an answer with the callee's, two candidates each way, a
 * bye), only the framing differs. Every message names the call's session and, where the relay routes by address, the
 * other device.
 */
interface RelayWire {

    /** What a delivered message is, for the load generator. */
    enum Kind {
        OFFER,
        ANSWER,
        CANDIDATE,
        BYE,
        /** The relay's receipt for a message the device sent (signaling-server's {@code ack}). */
        ACK,
        /** The relay refused something; {@link Received#detail()} says what. */
        ERROR,
        /** Anything else: welcome, presence, heartbeats. */
        OTHER
    }

    /**
     * One delivered message as the load generator needs it.
     *
     * @param kind what it is
     * @param session the call's session, or empty
     * @param foundation a candidate's foundation ({@code a1}, {@code a2}, {@code b1}, {@code b2}), or empty
     * @param detail an error's code or text, or empty
     */
    record Received(Kind kind, String session, String foundation, String detail) {

        static Received of(Kind kind, String session) {
            return new Received(kind, session, "", "");
        }

        static Received error(String detail) {
            return new Received(Kind.ERROR, "", "", detail);
        }

        static Received other() {
            return new Received(Kind.OTHER, "", "", "");
        }
    }

    /** The caller's offer; {@code sdpJson} is the SDP as a JSON string literal. */
    String offer(String to, String session, String sdpJson);

    /** The callee's answer. */
    String answer(String to, String session, String sdpJson);

    /** A trickled ICE candidate with the given foundation. */
    String candidate(String to, String session, String foundation);

    /** The caller's hang-up. */
    String bye(String to, String session);

    /** Reads a delivered message. */
    Received read(JsonNode message);

    /** Whether {@code message} is the relay's greeting that ends a connection's opening. */
    boolean opens(JsonNode message);

    /** The candidate line of the benchmark, with the given foundation (RFC 8839 §5.1). */
    static String candidateLine(String foundation) {
        return "candidate:" + foundation + " 1 udp 2122194687 192.0.2.2 47774 typ host generation 0";
    }

    /** The foundation of a candidate line. */
    static String foundationOf(String candidateLine) {
        return candidateLine.substring("candidate:".length(), candidateLine.indexOf(' '));
    }
}
