package org.callsign.signaling.verification.store;

import org.callsign.signaling.store.EmbeddedStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded {@link VerificationLinkStore} passes the contract. */
class KeyValueVerificationLinkStoreTest extends VerificationLinkStoreContract {

    @RegisterExtension
    final EmbeddedStore embedded = new EmbeddedStore();

    @Override
    protected VerificationLinkStore reopen() {
        return new KeyValueVerificationLinkStore(embedded.reopen());
    }
}
