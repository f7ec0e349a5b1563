package org.callsign.signaling.call.store;

import org.callsign.server.store.KeyValueStore;
import org.callsign.signaling.store.EmbeddedStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The call history in the embedded store passes the contract. */
class KeyValueCallStoreTest extends CallStoreContract {

    @RegisterExtension
    final EmbeddedStore embedded = new EmbeddedStore();

    @Override
    protected KeyValueStore reopen() {
        return embedded.reopen();
    }
}
