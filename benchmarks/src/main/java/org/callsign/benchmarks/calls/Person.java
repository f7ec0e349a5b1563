package org.callsign.benchmarks.calls;

/**
 * A person of the benchmark, set up through the public APIs ({@link People}).
 *
 * @param domain their domain
 * @param identity {@code user@idp-x.test}, bound to their signaling client
 * @param idpToken their IdP bearer token, which their device's sandbox sends to their IdP when asking for assertions
 * @param signalingToken their signaling client's bearer token
 * @param deviceId their one device, verified
 * @param sdp the description their device sends (an offer or an answer) with the device's registered fingerprint,
 *     CRLF line ends, no {@code a=identity} yet
 */
record Person(Domain domain, String identity, String idpToken, String signalingToken, String deviceId, String sdp) {}
