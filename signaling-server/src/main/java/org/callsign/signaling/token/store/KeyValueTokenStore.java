package org.callsign.signaling.token.store;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Tokens in a {@link KeyValueStore}, namespace {@value #NAMESPACE}, keyed by the base64url SHA-256 of the secret.
 * Removing a client's tokens scans the namespace: fine for a personal server's few thousand tokens.
 */
@Singleton
public class KeyValueTokenStore implements TokenStore {

    /** The store namespace of tokens. */
    public static final String NAMESPACE = "tokens";

    private final JsonNamespace<Token> tokens;

    public KeyValueTokenStore(KeyValueStore store) {
        this.tokens = new JsonNamespace<>(store, NAMESPACE, Token.class);
    }

    @Override
    public Optional<Token> find(String key) {
        return tokens.get(key);
    }

    @Override
    public void save(String key, Token token) {
        tokens.put(key, token);
    }

    @Override
    public boolean remove(String key) {
        return tokens.remove(key);
    }

    @Override
    public int removeClient(String clientId) {
        return tokens.removeWhere(token -> token.clientId().equals(clientId));
    }

    @Override
    public int removeExpired(Instant now) {
        return tokens.removeWhere(token -> !token.expires().isAfter(now));
    }
}
