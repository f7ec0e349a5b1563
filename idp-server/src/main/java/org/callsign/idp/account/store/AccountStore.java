package org.callsign.idp.account.store;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.callsign.server.store.JsonRecords;
import org.callsign.server.store.KeyValueStore;

/**
 * Accounts in the {@link KeyValueStore}, namespace {@value #NAMESPACE}, one JSON record per normalised username.
 * {@link #create} is a conditional write of the store, so two registrations of a name cannot both succeed, in this
 * process or in another sharing the store.
 */
@Singleton
public class AccountStore {

    /** The store namespace of accounts. */
    public static final String NAMESPACE = "accounts";

    private final KeyValueStore store;

    public AccountStore(KeyValueStore store) {
        this.store = store;
    }

    /** The account of a normalised username. */
    public Optional<Account> find(String username) {
        return store.get(NAMESPACE, username)
                .map(bytes -> JsonRecords.decode(NAMESPACE, username, bytes, Account.class));
    }

    /** Stores a new account; false if the name is taken. */
    public boolean create(Account account) {
        return store.compareAndSet(
                NAMESPACE, account.username(), null, JsonRecords.encode(NAMESPACE, account.username(), account));
    }

    /** Replaces the stored account of the same username. */
    public void save(Account account) {
        store.put(NAMESPACE, account.username(), JsonRecords.encode(NAMESPACE, account.username(), account));
    }

    /** Removes the account; false if there was none. */
    public boolean delete(String username) {
        return store.remove(NAMESPACE, username);
    }
}
