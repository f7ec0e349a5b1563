package org.callsign.benchmarks.signaling;

/**
 * A device registered for the load test.
 *
 * @param clientId its client
 * @param token the client's bearer token
 * @param id the device id
 * @param fingerprint its fingerprint as SDP writes it: {@code AB:CD:…} (sha-256)
 */
record BenchDevice(String clientId, String token, String id, String fingerprint) {}
