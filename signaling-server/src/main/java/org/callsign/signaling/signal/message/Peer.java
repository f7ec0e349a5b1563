package org.callsign.signaling.signal.message;

/**
 * One of the client's devices as its other devices see it in peer lists (peerbook): who it is, whether it is
 * verified, and whether it is online.
 *
 * @param id the device id, the {@code to} of offers
 * @param name its name
 * @param kind its kind
 * @param fingerprint its registered fingerprint: upper-case hex without colons
 * @param verified whether the client vouches for it; only verified devices can be signaled
 * @param online whether it is connected (or reconnecting within its grace period)
 */
public record Peer(String id, String name, String kind, String fingerprint, boolean verified, boolean online) {}
