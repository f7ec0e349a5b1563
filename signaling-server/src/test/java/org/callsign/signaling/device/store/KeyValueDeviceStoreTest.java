package org.callsign.signaling.device.store;

import org.callsign.signaling.store.EmbeddedStore;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The embedded {@link DeviceStore} passes the contract. */
class KeyValueDeviceStoreTest extends DeviceStoreContract {

    @RegisterExtension
    final EmbeddedStore embedded = new EmbeddedStore();

    @Override
    protected DeviceStore reopen() {
        return new KeyValueDeviceStore(embedded.reopen());
    }
}
