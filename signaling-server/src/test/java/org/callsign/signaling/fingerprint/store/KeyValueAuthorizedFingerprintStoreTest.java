package org.callsign.signaling.fingerprint.store;

import org.callsign.signaling.store.EmbeddedStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded {@link AuthorizedFingerprintStore} passes the contract. */
class KeyValueAuthorizedFingerprintStoreTest extends AuthorizedFingerprintStoreContract {

    @RegisterExtension
    final EmbeddedStore embedded = new EmbeddedStore();

    @Override
    protected AuthorizedFingerprintStore reopen() {
        return new KeyValueAuthorizedFingerprintStore(embedded.reopen());
    }
}
