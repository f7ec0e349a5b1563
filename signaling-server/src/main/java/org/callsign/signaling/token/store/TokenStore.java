package org.callsign.signaling.token.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Where bearer tokens are kept, by the hash of their secret. Every write is durable when it returns; the bulk removals
 * are atomic. The embedded implementation is {@link KeyValueTokenStore}; others pass {@code TokenStoreContract}.
 */
public interface TokenStore {

    /** The token stored under {@code key}. */
    Optional<Token> find(String key);

    /** Stores a token under {@code key}. */
    void save(String key, Token token);

    /** Removes one token; false if there was none. */
    boolean remove(String key);

    /** Removes every token of a client id; returns how many. */
    int removeClient(String clientId);

    /** Removes every token expired at {@code now}; returns how many. */
    int removeExpired(Instant now);
}
