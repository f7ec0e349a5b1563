package org.callsign.signaling.signal.message;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The end of a session, told to the party that did not end it: by the other party's {@link Bye}, or by the server
 * (the other party went offline, reconnected afresh, was unverified or removed), with {@code from} then {@code null}.
 *
 * @param v protocol version
 * @param id the id the sender gave the bye, or the server's id when the server ended the session
 * @param from the party that ended it, or {@code null} for the server
 * @param session the session id
 * @param reason a short reason for people, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelayedBye(int v, String id, Sender from, String session, String reason) implements ServerMessage {
    public RelayedBye(String id, Sender from, String session, String reason) {
        this(VERSION, id, from, session, reason);
    }

    /** A bye from the server: the session ended because of what happened to the other party. */
    public static RelayedBye fromServer(String session, String reason) {
        return new RelayedBye(ServerIds.next(), null, session, reason);
    }
}
