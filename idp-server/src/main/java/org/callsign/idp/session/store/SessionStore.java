package org.callsign.idp.session.store;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.JsonRecords;
import org.callsign.server.store.KeyValueStore;

/**
 * Sessions and bearer tokens in the {@link KeyValueStore}, namespace {@value #NAMESPACE}, keyed by the base64url
 * SHA-256 of the secret. Removing all sessions of an account scans the namespace: fine for a personal IdP's few
 * thousand sessions; a larger deployment would add an index per account.
 */
@Singleton
public class SessionStore {

    /** The store namespace of sessions and tokens. */
    public static final String NAMESPACE = "sessions";

    private final KeyValueStore store;

    public SessionStore(KeyValueStore store) {
        this.store = store;
    }

    public Optional<Session> find(String key) {
        return store.get(NAMESPACE, key).map(bytes -> JsonRecords.decode(NAMESPACE, key, bytes, Session.class));
    }

    public void save(String key, Session session) {
        store.put(NAMESPACE, key, JsonRecords.encode(NAMESPACE, key, session));
    }

    public boolean remove(String key) {
        return store.remove(NAMESPACE, key);
    }

    /** Removes every session of the account, in one atomic update; returns how many. */
    public int removeAccount(String accountId) {
        return removeWhere(session -> session.accountId().equals(accountId));
    }

    /** Removes every session expired at {@code now}; returns how many. */
    public int removeExpired(Instant now) {
        return removeWhere(session -> !session.expires().isAfter(now));
    }

    private int removeWhere(java.util.function.Predicate<Session> doomed) {
        return new JsonNamespace<>(store, NAMESPACE, Session.class).removeWhere(doomed);
    }
}
