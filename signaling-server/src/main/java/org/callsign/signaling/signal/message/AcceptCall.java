package org.callsign.signaling.signal.message;

/**
 * Accepts an incoming call with the answer, which carries this device's {@code a=identity} asserted for the caller's
 * server origin (the {@code server} of {@link IncomingCall}).
 *
 * @param v protocol version
 * @param id the sender's id of this message
 * @param call the call
 * @param sdp the answer
 */
public record AcceptCall(int v, String id, String call, String sdp) implements ClientMessage {}
