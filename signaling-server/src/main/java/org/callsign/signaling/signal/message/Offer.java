package org.callsign.signaling.signal.message;

/**
 * An SDP offer (RFC 8829 §5.2) for device {@code to}, opening signaling session {@code session}, or a new offer in a
 * session the sender is already part of (renegotiation; {@code to} may then be left out). The offer's
 * {@code a=fingerprint} must be the sender's registered fingerprint (anti-masquerading).
 *
 * @param v protocol version
 * @param id the sender's id of this message
 * @param to the target device's id
 * @param session the session id the caller chose: 8 to 64 characters of {@code A-Z a-z 0-9 _ -}
 * @param sdp the session description
 */
public record Offer(int v, String id, String to, String session, String sdp) implements ClientMessage {}
