package org.callsign.signaling.signal.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A {@link Candidate} delivered to the session's other party, stamped with its verified sender; {@code candidate}
 * {@code null} is the end of candidates.
 *
 * @param v protocol version
 * @param id the id the sender gave the candidate
 * @param from the verified sender
 * @param session the session id
 * @param candidate the candidate, or {@code null}
 */
public record RelayedCandidate(
        int v, String id, Sender from, String session, @JsonInclude(JsonInclude.Include.ALWAYS) IceCandidate candidate)
        implements ServerMessage {
    public RelayedCandidate(String id, Sender from, String session, IceCandidate candidate) {
        this(VERSION, id, from, session, candidate);
    }
}
