package org.callsign.signaling.signal.message;

/**
 * Ends a call: the caller's before an answer cancels it, either side's after an answer hangs it up.
 *
 * @param v protocol version
 * @param id the sender's id of this message
 * @param call the call
 */
public record HangUp(int v, String id, String call) implements ClientMessage {}
