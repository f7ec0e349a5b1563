package org.callsign.signaling.device.store;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Devices in a {@link KeyValueStore}, namespace {@value #NAMESPACE}: one JSON record per client id holding its list
 * of devices, so that a change of one client's devices is a single durable write. Updates are optimistic conditional writes
 * ({@link JsonNamespace#compute}): atomic when several processes share the store; a change may be applied to a
 * fresh read more than once.
 */
@Singleton
public class KeyValueDeviceStore implements DeviceStore {

    /** The store namespace of devices. */
    public static final String NAMESPACE = "devices";

    /** The stored value: one client's devices. */
    record ClientDevices(List<Device> devices) {}

    private final JsonNamespace<ClientDevices> devices;

    public KeyValueDeviceStore(KeyValueStore store) {
        this.devices = new JsonNamespace<>(store, NAMESPACE, ClientDevices.class);
    }

    @Override
    public List<Device> list(String clientId) {
        return devices.get(clientId).map(ClientDevices::devices).orElse(List.of());
    }

    @Override
    public List<Device> update(String clientId, UnaryOperator<List<Device>> change) {
        return devices.compute(clientId, current -> {
                    List<Device> changed = List.copyOf(
                            change.apply(current.map(ClientDevices::devices).orElse(List.of())));
                    return changed.isEmpty() ? Optional.empty() : Optional.of(new ClientDevices(changed));
                })
                .map(ClientDevices::devices)
                .orElse(List.of());
    }

    @Override
    public boolean removeClient(String clientId) {
        return devices.remove(clientId);
    }
}
