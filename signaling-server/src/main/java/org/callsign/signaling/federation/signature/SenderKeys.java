package org.callsign.signaling.federation.signature;

import com.nimbusds.jose.jwk.JWKSet;

/**
 * Where a {@link RequestVerifier} gets a sending server's federation keys: the {@code federation.keys} of the
 * document at {@code <origin>/.well-known/callsign}, whose {@code server} must equal {@code origin}. An
 * implementation caches, and may fetch again when asked for a key id it has not seen.
 */
@FunctionalInterface
public interface SenderKeys {

    /**
     * The public keys of the server at {@code origin}.
     *
     * @throws FederationAuthException {@link FederationAuthFailure#SENDER_UNKNOWN} when the document cannot be had,
     *     breaks its rules, or names another server
     */
    JWKSet keysOf(String origin) throws FederationAuthException;
}
