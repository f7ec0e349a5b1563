package org.callsign.signaling.push.store;

import org.callsign.signaling.store.EmbeddedStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded {@link PushSubscriptionStore} passes the contract. */
class KeyValuePushSubscriptionStoreTest extends PushSubscriptionStoreContract {

    @RegisterExtension
    final EmbeddedStore embedded = new EmbeddedStore();

    @Override
    protected PushSubscriptionStore reopen() {
        return new KeyValuePushSubscriptionStore(embedded.reopen());
    }
}
