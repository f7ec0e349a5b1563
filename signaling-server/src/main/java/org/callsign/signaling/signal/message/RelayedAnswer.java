package org.callsign.signaling.signal.message;

/**
 * An {@link Answer} delivered to the session's other party, stamped with its verified sender.
 *
 * @param v protocol version
 * @param id the id the sender gave the answer
 * @param from the verified sender
 * @param session the session id
 * @param sdp the session description, as the sender wrote it
 */
public record RelayedAnswer(int v, String id, Sender from, String session, String sdp) implements ServerMessage {
    public RelayedAnswer(String id, Sender from, String session, String sdp) {
        this(VERSION, id, from, session, sdp);
    }
}
