package org.callsign.signaling.client.service;

/**
 * Every bearer token of a client stopped working (its key changed, or the client was removed): a CDI event fired
 * after the store write, so that connections opened with those tokens close at once.
 *
 * @param clientId the client
 * @param removed whether the client itself was removed
 */
public record CredentialsRevoked(String clientId, boolean removed) {}
