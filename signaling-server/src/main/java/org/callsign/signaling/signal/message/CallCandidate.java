package org.callsign.signaling.signal.message;

/**
 * A trickled ICE candidate of a call, for the other party; {@code candidate} {@code null} ends the candidates. The
 * caller's wait at the callee's server until a device accepts; the callee's flow only from the accepting device.
 *
 * @param v protocol version
 * @param id the sender's id of this message
 * @param call the call
 * @param candidate the candidate, or {@code null} at the end of candidates
 */
public record CallCandidate(int v, String id, String call, IceCandidate candidate) implements ClientMessage {}
