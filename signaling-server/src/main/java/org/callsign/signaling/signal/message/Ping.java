package org.callsign.signaling.signal.message;

/**
 * An application-level keep-alive for clients that cannot send WebSocket pings (browsers); answered by a {@link Pong}
 * with the same id.
 *
 * @param v protocol version
 * @param id the sender's id of this message
 */
public record Ping(int v, String id) implements ClientMessage {}
