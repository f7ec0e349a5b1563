package org.callsign.signaling.signal.message;

/**
 * Ends session {@code session}; the other party is told. Afterwards neither party can send on it.
 *
 * @param v protocol version
 * @param id the sender's id of this message
 * @param session the session to end
 * @param reason a short reason for people, or {@code null}
 */
public record Bye(int v, String id, String session, String reason) implements ClientMessage {}
