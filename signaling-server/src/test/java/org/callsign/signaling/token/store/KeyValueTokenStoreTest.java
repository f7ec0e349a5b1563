package org.callsign.signaling.token.store;

import org.callsign.signaling.store.EmbeddedStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded {@link TokenStore} passes the contract. */
class KeyValueTokenStoreTest extends TokenStoreContract {

    @RegisterExtension
    final EmbeddedStore embedded = new EmbeddedStore();

    @Override
    protected TokenStore reopen() {
        return new KeyValueTokenStore(embedded.reopen());
    }
}
