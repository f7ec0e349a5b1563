package org.callsign.signaling.signal.message;

/**
 * A trickled ICE candidate (RFC 8838) for the other party of session {@code session}; {@code candidate} {@code null}
 * signals the end of candidates.
 *
 * @param v protocol version
 * @param id the sender's id of this message
 * @param session the session it belongs to
 * @param candidate the candidate, or {@code null} at the end of candidates
 */
public record Candidate(int v, String id, String session, IceCandidate candidate) implements ClientMessage {}
