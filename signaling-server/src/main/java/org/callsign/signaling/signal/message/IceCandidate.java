package org.callsign.signaling.signal.message;

/**
 * A trickled ICE candidate as {@code RTCIceCandidateInit} carries it (W3C WebRTC §4.8.1; the attribute of RFC 8839
 * §5.1 without {@code a=}).
 *
 * @param candidate the {@code candidate:…} attribute value; empty for the end of a generation's candidates
 * @param sdpMid the media section's {@code a=mid}, or {@code null}
 * @param sdpMLineIndex the media section's index, or {@code null}
 * @param usernameFragment the ICE ufrag the candidate belongs to, or {@code null}
 */
public record IceCandidate(String candidate, String sdpMid, Integer sdpMLineIndex, String usernameFragment) {}
