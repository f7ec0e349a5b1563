package org.callsign.signaling.token.service;

import org.callsign.signaling.client.store.Client;
import org.callsign.signaling.token.store.Token;

/**
 * A bearer token that is valid now.
 *
 * @param client the client it authenticates, as stored now
 * @param key the token's store key (a hash, not the secret), for revocation
 * @param token the stored record
 */
public record ResolvedToken(Client client, String key, Token token) {}
