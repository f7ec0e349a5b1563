package org.callsign.signaling.signal.message;

/**
 * Calls a person: {@code sdp} is the offer, with {@code a=identity} asserted for the callee's server origin
 * (docs/federation.md). The server answers {@link CallPlaced} with the call's id, then {@link CallUpdate}s.
 *
 * @param v protocol version
 * @param id the sender's id of this message
 * @param to the callee's identity {@code user@domain}
 * @param sdp the offer
 */
public record PlaceCall(int v, String id, String to, String sdp) implements ClientMessage {}
