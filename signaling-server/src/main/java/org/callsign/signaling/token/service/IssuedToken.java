package org.callsign.signaling.token.service;

import org.callsign.signaling.token.store.Token;

/**
 * A token just issued: the secret goes to the client once and is never stored.
 *
 * @param secret the bearer token, 256 random bits in base64url
 * @param token the stored record
 */
public record IssuedToken(String secret, Token token) {

    /** Names the client, never the secret. */
    @Override
    public String toString() {
        return "IssuedToken[" + token.clientId() + ", expires " + token.expires() + "]";
    }
}
