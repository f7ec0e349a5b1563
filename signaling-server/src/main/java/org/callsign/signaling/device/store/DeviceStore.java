package org.callsign.signaling.device.store;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where each client's devices are kept. Every write is durable when it returns. {@link #update} is an atomic
 * read-modify-write of one client's devices, so rules over the whole list (unique fingerprints, a maximum count) hold
 * under concurrent requests. The embedded implementation is {@link KeyValueDeviceStore}; others pass
 * {@code DeviceStoreContract}.
 */
public interface DeviceStore {

    /** The client's devices, in the order they were added. */
    List<Device> list(String clientId);

    /** One of the client's devices. */
    default Optional<Device> find(String clientId, String deviceId) {
        return list(clientId).stream()
                .filter(device -> device.id().equals(deviceId))
                .findFirst();
    }

    /**
     * Replaces the client's devices with what {@code change} makes of them, atomically (also with respect to other
     * processes sharing the store); returns the new list. If {@code change} throws, nothing is written and the
     * exception propagates. {@code change} may run more than once, each time on a fresh list, when another writer
     * changed the list in between: it must have no effect but its result and what it records of the last run.
     */
    List<Device> update(String clientId, UnaryOperator<List<Device>> change);

    /** Removes all of the client's devices; false if it had none. */
    boolean removeClient(String clientId);
}
