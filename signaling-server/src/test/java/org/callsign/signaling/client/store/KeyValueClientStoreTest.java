package org.callsign.signaling.client.store;

import org.callsign.signaling.store.EmbeddedStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded {@link ClientStore} passes the contract. */
class KeyValueClientStoreTest extends ClientStoreContract {

    @RegisterExtension
    final EmbeddedStore embedded = new EmbeddedStore();

    @Override
    protected ClientStore reopen() {
        return new KeyValueClientStore(embedded.reopen());
    }
}
