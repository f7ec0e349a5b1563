package org.callsign.signaling.device.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@link DeviceStore} contract as tests, for every implementation. */
public abstract class DeviceStoreContract {

    /** The implementation under test; a later call opens the same data again, as after a restart. */
    protected abstract DeviceStore reopen();

    static Device device(String id) {
        return new Device(id, "Device " + id, "browser", "AB".repeat(32), true, Instant.parse("2030-01-01T00:00:00Z"));
    }

    private static List<Device> plus(List<Device> devices, Device device) {
        List<Device> changed = new ArrayList<>(devices);
        changed.add(device);
        return changed;
    }

    @Test
    void updateReplacesAClientsDevicesInOrderAndSurvivesARestart() {
        DeviceStore store = reopen();
        assertEquals(List.of(), store.list("alice"));
        store.update("alice", devices -> plus(devices, device("d1")));
        List<Device> result = store.update("alice", devices -> plus(devices, device("d2")));
        assertEquals(List.of(device("d1"), device("d2")), result);
        assertEquals(List.of(device("d1"), device("d2")), reopen().list("alice"));
        assertEquals(Optional.of(device("d2")), reopen().find("alice", "d2"));
        assertEquals(Optional.empty(), reopen().find("alice", "d3"));
    }

    @Test
    void clientsAreIndependent() {
        DeviceStore store = reopen();
        store.update("alice", devices -> plus(devices, device("d1")));
        assertEquals(List.of(), store.list("bob"));
        assertEquals(Optional.empty(), store.find("bob", "d1"));
    }

    @Test
    void aChangeThatThrowsWritesNothing() {
        DeviceStore store = reopen();
        store.update("alice", devices -> plus(devices, device("d1")));
        assertThrows(
                IllegalStateException.class,
                () -> store.update("alice", devices -> {
                    throw new IllegalStateException("refused");
                }));
        assertEquals(List.of(device("d1")), store.list("alice"));
    }

    @Test
    void removeClientRemovesAllItsDevices() {
        DeviceStore store = reopen();
        store.update("alice", devices -> plus(devices, device("d1")));
        assertTrue(store.removeClient("alice"));
        assertFalse(store.removeClient("alice"));
        assertEquals(List.of(), store.list("alice"));
        store.update("bob", devices -> plus(devices, device("d1")));
        store.update("bob", devices -> List.of());
        assertEquals(List.of(), reopen().list("bob"));
    }

    @Test
    void concurrentUpdatesOfOneClientAreNotLost() throws Exception {
        DeviceStore store = reopen();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 40; i++) {
                String id = "d" + i;
                pool.execute(() -> store.update("alice", devices -> plus(devices, device(id))));
            }
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertEquals(40, store.list("alice").size());
    }
}
