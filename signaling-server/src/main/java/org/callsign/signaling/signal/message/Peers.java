package org.callsign.signaling.signal.message;

import java.util.List;

/**
 * The full list of the client's other devices (peerbook's peer list), sent to a verified device when it connects or
 * resumes, and when it becomes verified.
 *
 * @param v protocol version
 * @param id the server's id of this notice
 * @param peers every other device of the client, online or not
 */
public record Peers(int v, String id, List<Peer> peers) implements ServerMessage {
    public Peers(List<Peer> peers) {
        this(VERSION, ServerIds.next(), List.copyOf(peers));
    }
}
