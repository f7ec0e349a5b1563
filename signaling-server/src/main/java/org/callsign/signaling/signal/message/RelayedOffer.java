package org.callsign.signaling.signal.message;

/**
 * An {@link Offer} delivered to its target, stamped with its verified sender.
 *
 * @param v protocol version
 * @param id the id the sender gave the offer
 * @param from the verified sender
 * @param session the session id
 * @param sdp the session description, as the sender wrote it
 */
public record RelayedOffer(int v, String id, Sender from, String session, String sdp) implements ServerMessage {
    public RelayedOffer(String id, Sender from, String session, String sdp) {
        this(VERSION, id, from, session, sdp);
    }
}
