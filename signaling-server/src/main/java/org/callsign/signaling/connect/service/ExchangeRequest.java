package org.callsign.signaling.connect.service;

/**
 * A one-shot HTTP exchange that the node which took the request hands to the target client's home node: who calls,
 * which device answers, the offer, and the caller's IP (for the home's limit on waiting offers).
 *
 * @param caller the admitted caller
 * @param target the chosen device
 * @param sdp the offer
 * @param ip the caller's IP address
 */
public record ExchangeRequest(HttpCaller caller, HttpTarget target, String sdp, String ip) {}
