package org.callsign.signaling.call.store;

import java.util.HashSet;
import java.util.Set;
import org.callsign.server.store.KeyValueStore;

/**
 * The clients whose history has calls not yet over, in namespace {@value #NAMESPACE} (one key per client), so that a
 * single server's sweep at start reads only their histories rather than every client's. {@link KeyValueCallStore}
 * keeps it in the same store as the history but in another namespace, without a transaction across the two: it lists
 * a client before saving an unfinished call and again after, and unlists it only after a save left none, listing it
 * again if another writer's save meanwhile left one. So a crash or a race can leave a client listed with nothing to
 * end, never an unfinished call unlisted.
 *
 * <p>History written before the index existed is not in it: the first time the clients are asked for, every history
 * is read once and the clients found are listed, and {@value #COMPLETE} records that this was done.
 */
final class UnfinishedIndex {

    /** The store namespace of the index. */
    static final String NAMESPACE = "calls-unfinished";

    /** The key that records that the index covers the whole history; never a client id, which starts alphanumeric. */
    static final String COMPLETE = "#complete";

    private static final byte[] LISTED = {1};

    private final KeyValueStore store;

    UnfinishedIndex(KeyValueStore store) {
        this.store = store;
    }

    /** Lists the client, if it is not listed yet. */
    void list(String clientId) {
        if (store.get(NAMESPACE, clientId).isEmpty()) {
            store.put(NAMESPACE, clientId, LISTED);
        }
    }

    /** Unlists the client; returns whether it was listed. */
    boolean unlist(String clientId) {
        return store.get(NAMESPACE, clientId).isPresent() && store.remove(NAMESPACE, clientId);
    }

    /** Whether the index covers the history written before it existed. */
    boolean complete() {
        return store.get(NAMESPACE, COMPLETE).isPresent();
    }

    /** Records that the index covers the history written before it existed. */
    void completed() {
        store.put(NAMESPACE, COMPLETE, LISTED);
    }

    /** The clients listed. */
    Set<String> clients() {
        Set<String> clients = new HashSet<>(store.entries(NAMESPACE).keySet());
        clients.remove(COMPLETE);
        return clients;
    }
}
