package org.callsign.signaling.signal.message;

/**
 * An SDP answer (RFC 8829 §5.3) to the offer of session {@code session}; it goes to the session's other party. Its
 * {@code a=fingerprint} must be the sender's registered fingerprint.
 *
 * @param v protocol version
 * @param id the sender's id of this message
 * @param session the session it answers
 * @param sdp the session description
 */
public record Answer(int v, String id, String session, String sdp) implements ClientMessage {}
