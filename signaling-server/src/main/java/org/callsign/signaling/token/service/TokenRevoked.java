package org.callsign.signaling.token.service;

/**
 * One bearer token was revoked ({@code DELETE /api/tokens/current}): a CDI event fired after the store write, so that
 * connections opened with that token close at once.
 *
 * @param key the token's store key (a hash, never the secret)
 */
public record TokenRevoked(String key) {}
