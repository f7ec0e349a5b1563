package org.callsign.signaling.signal.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.device.store.DeviceStore;

/** Devices in a map, for unit tests of signaling. */
final class MemoryDeviceStore implements DeviceStore {
    private final Map<String, List<Device>> devices = new HashMap<>();

    @Override
    public synchronized List<Device> list(String clientId) {
        return devices.getOrDefault(clientId, List.of());
    }

    @Override
    public synchronized List<Device> update(String clientId, UnaryOperator<List<Device>> change) {
        List<Device> changed = List.copyOf(change.apply(list(clientId)));
        devices.put(clientId, changed);
        return changed;
    }

    @Override
    public synchronized boolean removeClient(String clientId) {
        return devices.remove(clientId) != null;
    }
}
