package org.callsign.signaling.signal.message;

/**
 * The answer to a {@link Ping}.
 *
 * @param v protocol version
 * @param id the ping's id
 */
public record Pong(int v, String id) implements ServerMessage {
    public Pong(String id) {
        this(VERSION, id);
    }
}
