package org.callsign.signaling.signal.message;

/**
 * A peer was added, or its online status, name, kind, fingerprint or verification changed: its new state.
 *
 * @param v protocol version
 * @param id the server's id of this notice
 * @param peer the peer as it is now
 */
public record PeerUpdate(int v, String id, Peer peer) implements ServerMessage {
    public PeerUpdate(Peer peer) {
        this(VERSION, ServerIds.next(), peer);
    }
}
