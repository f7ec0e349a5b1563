package org.callsign.signaling.signal.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The other party's ICE candidate for a call; {@code candidate} {@code null} ends its candidates.
 *
 * @param v protocol version
 * @param id a new id
 * @param call the call
 * @param candidate the candidate, or {@code null}
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RelayedCallCandidate(int v, String id, String call, IceCandidate candidate) implements ServerMessage {
    public RelayedCallCandidate(String call, IceCandidate candidate) {
        this(VERSION, ServerIds.next(), call, candidate);
    }
}
