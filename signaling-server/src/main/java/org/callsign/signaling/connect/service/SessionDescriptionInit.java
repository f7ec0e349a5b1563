package org.callsign.signaling.connect.service;

/**
 * A session description as JSON carries it: W3C WebRTC's {@code RTCSessionDescriptionInit}, which is also what pion's
 * {@code SessionDescription} marshals to in webexec, {@code {"type":"offer","sdp":"v=0\r\n…"}}.
 *
 * @param type {@code offer} or {@code answer} (RFC 8829 §5)
 * @param sdp the SDP text
 */
public record SessionDescriptionInit(String type, String sdp) {
    public static final String OFFER = "offer";
    public static final String ANSWER = "answer";
}
