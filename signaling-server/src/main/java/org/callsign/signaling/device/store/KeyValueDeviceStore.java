package org.callsign.signaling.device.store;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.UnaryOperator;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Devices in a {@link KeyValueStore}, namespace {@value #NAMESPACE}: one JSON record per client id holding its list
 * of devices, so that a change of one client's devices is a single durable write. Updates run under one lock: atomic
 * within this process, which owns the embedded store file.
 */
@Singleton
public class KeyValueDeviceStore implements DeviceStore {

    /** The store namespace of devices. */
    public static final String NAMESPACE = "devices";

    /** The stored value: one client's devices. */
    record ClientDevices(List<Device> devices) {}

    private final JsonNamespace<ClientDevices> devices;
    private final Object lock = new Object();

    public KeyValueDeviceStore(KeyValueStore store) {
        this.devices = new JsonNamespace<>(store, NAMESPACE, ClientDevices.class);
    }

    @Override
    public List<Device> list(String clientId) {
        return devices.get(clientId).map(ClientDevices::devices).orElse(List.of());
    }

    @Override
    public List<Device> update(String clientId, UnaryOperator<List<Device>> change) {
        synchronized (lock) {
            List<Device> changed = List.copyOf(change.apply(list(clientId)));
            if (changed.isEmpty()) {
                devices.remove(clientId);
            } else {
                devices.put(clientId, new ClientDevices(changed));
            }
            return changed;
        }
    }

    @Override
    public boolean removeClient(String clientId) {
        synchronized (lock) {
            return devices.remove(clientId);
        }
    }
}
