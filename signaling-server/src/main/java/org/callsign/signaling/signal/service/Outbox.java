package org.callsign.signaling.signal.service;

import org.callsign.signaling.signal.message.ServerMessage;

/**
 * Where the server's messages for one connected party go: a WebSocket connection, or the HTTP exchange of a
 * {@code /connect} or WHIP session. Implementations never block the caller.
 */
public interface Outbox {

    /**
     * Hands {@code message} to the connection. Returns {@code false} if it cannot take it: closed, or so far behind
     * that the server gives up on it (the implementation then closes it).
     */
    boolean send(ServerMessage message);

    /** Closes the connection, telling the party why ({@code replaced}, {@code not-verified}, …). */
    void close(SignalError reason, String message);
}
