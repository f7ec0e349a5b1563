package org.callsign.signaling.signal.message;

/**
 * Declines an incoming call. The caller is told {@code unavailable} when the ring timeout ends, unless
 * {@code reveal} is true: then at once, {@code declined} or {@code busy} as {@code reason} says.
 *
 * @param v protocol version
 * @param id the sender's id of this message
 * @param call the call
 * @param reason {@code declined} (the default) or {@code busy}
 * @param reveal whether the caller may learn that the call was declined
 */
public record DeclineCall(int v, String id, String call, String reason, Boolean reveal) implements ClientMessage {}
