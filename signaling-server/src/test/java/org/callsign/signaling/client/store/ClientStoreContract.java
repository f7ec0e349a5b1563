package org.callsign.signaling.client.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The {@link ClientStore} contract as tests: the embedded implementation and any later one (Redis) extend this class
 * and pass it unchanged.
 */
public abstract class ClientStoreContract {

    /** The implementation under test; a later call opens the same data again, as after a restart. */
    protected abstract ClientStore reopen();

    static Client client(String id, boolean owner) {
        return new Client(id, "uid-" + id, "$2a$10$hash", 0, owner, Instant.parse("2030-01-01T00:00:00Z"));
    }

    @Test
    void createStoresANewClientOnce() {
        ClientStore store = reopen();
        assertTrue(store.isEmpty());
        assertTrue(store.create(client("alice", true)));
        assertFalse(store.create(client("alice", false)), "id taken");
        assertEquals(Optional.of(client("alice", true)), store.find("alice"));
        assertFalse(store.isEmpty());
        assertEquals(Optional.empty(), store.find("bob"));
    }

    @Test
    void replaceChangesOnlyAnExistingClient() {
        ClientStore store = reopen();
        store.create(client("alice", false));
        Client changed = client("alice", false).withKey("$2a$10$other");
        assertTrue(store.replace(changed));
        assertEquals(1, store.find("alice").orElseThrow().keyGeneration());
        assertFalse(store.replace(client("bob", false)));
        assertEquals(Optional.empty(), store.find("bob"));
    }

    @Test
    void listIsOrderedByIdAndDeleteRemoves() {
        ClientStore store = reopen();
        store.create(client("carol", false));
        store.create(client("alice", false));
        store.create(client("bob", false));
        assertEquals(
                List.of("alice", "bob", "carol"),
                store.list().stream().map(Client::clientId).toList());
        assertTrue(store.delete("bob"));
        assertFalse(store.delete("bob"));
        assertEquals(
                List.of("alice", "carol"),
                store.list().stream().map(Client::clientId).toList());
    }

    @Test
    void clientsSurviveARestart() {
        reopen().create(client("alice", true));
        assertEquals(Optional.of(client("alice", true)), reopen().find("alice"));
    }

    @Test
    void concurrentRegistrationsOfOneIdLetExactlyOneWin() throws Exception {
        ClientStore store = reopen();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> attempts = IntStream.range(0, 16)
                    .mapToObj(i -> (Callable<Boolean>) () -> store.create(client("racer", i % 2 == 0)))
                    .toList();
            long wins = 0;
            for (Future<Boolean> result : pool.invokeAll(attempts)) {
                wins += result.get() ? 1 : 0;
            }
            assertEquals(1, wins);
        } finally {
            pool.shutdownNow();
        }
    }
}
