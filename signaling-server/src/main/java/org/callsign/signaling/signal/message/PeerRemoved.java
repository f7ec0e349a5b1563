package org.callsign.signaling.signal.message;

/**
 * A peer was removed from the client's devices.
 *
 * @param v protocol version
 * @param id the server's id of this notice
 * @param device the removed device's id
 */
public record PeerRemoved(int v, String id, String device) implements ServerMessage {
    public PeerRemoved(String device) {
        this(VERSION, ServerIds.next(), device);
    }
}
