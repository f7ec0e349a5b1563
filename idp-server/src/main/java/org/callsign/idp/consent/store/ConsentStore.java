package org.callsign.idp.consent.store;

import jakarta.inject.Singleton;
import org.callsign.server.store.JsonRecords;
import org.callsign.server.store.KeyValueStore;

/** Consents in the {@link KeyValueStore}, namespace {@value #NAMESPACE}, one JSON record per account id. */
@Singleton
public class ConsentStore {

    /** The store namespace of consents. */
    public static final String NAMESPACE = "consents";

    private final KeyValueStore store;

    public ConsentStore(KeyValueStore store) {
        this.store = store;
    }

    /** The account's consents; none if it never granted any. */
    public Consents find(String accountId) {
        return store.get(NAMESPACE, accountId)
                .map(bytes -> JsonRecords.decode(NAMESPACE, accountId, bytes, Consents.class))
                .orElse(Consents.NONE);
    }

    public void save(String accountId, Consents consents) {
        store.put(NAMESPACE, accountId, JsonRecords.encode(NAMESPACE, accountId, consents));
    }

    /** Forgets every consent of the account. */
    public void delete(String accountId) {
        store.remove(NAMESPACE, accountId);
    }
}
