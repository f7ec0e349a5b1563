package org.callsign.signaling.token.store;

import java.time.Instant;

/**
 * A bearer token's server-side record, stored under the SHA-256 of its secret so that the store never holds a usable
 * credential.
 *
 * @param clientId the client it authenticates
 * @param clientUid the client registration's random id at issue; a deleted and re-registered id does not inherit it
 * @param keyGeneration the client's key generation at issue; a key change voids older tokens
 * @param created when it was issued
 * @param expires when it stops working
 */
public record Token(String clientId, String clientUid, long keyGeneration, Instant created, Instant expires) {}
