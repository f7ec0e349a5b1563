package org.callsign.signaling.whip.service;

/**
 * The answer to a WHIP {@code POST}: the session resource and the device's complete answer.
 *
 * @param session the new session resource
 * @param sdp the answer SDP
 */
public record WhipAnswer(WhipSession session, String sdp) {}
