package org.callsign.signaling.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.LocalRedis;
import org.callsign.server.store.RedisKeyValueStore;
import org.callsign.server.store.RedisStoreOptions;
import org.callsign.signaling.client.store.Client;
import org.callsign.signaling.client.store.KeyValueClientStore;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.device.store.KeyValueDeviceStore;
import org.callsign.signaling.filter.store.KeyValueFilterStore;
import org.callsign.signaling.identity.store.BoundIdentity;
import org.callsign.signaling.identity.store.KeyValueIdentityStore;
import org.callsign.signaling.verification.store.KeyValueVerificationLinkStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two signaling processes on one Redis key prefix, played by two store connections, each with its own store objects,
 * racing on the same operation from several threads: the outcome is the one a single writer would give.
 */
class SharedRedisStoresTest {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static final AtomicInteger TESTS = new AtomicInteger();
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final int RACERS = 12;

    private KeyValueStore first;
    private KeyValueStore second;

    @BeforeEach
    void twoProcesses() {
        String prefix = "shared" + TESTS.incrementAndGet() + ":";
        first = RedisKeyValueStore.open(new RedisStoreOptions(REDIS.url(), prefix));
        second = RedisKeyValueStore.open(new RedisStoreOptions(REDIS.url(), prefix));
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void aClientIdRegisteredByBothAtOnceIsRegisteredOnce() throws Exception {
        List<Boolean> created = race(
                KeyValueClientStore::new,
                (clients, i) -> clients.create(new Client("racer", "uid-" + i, "$2a$10$hash", 0, false, NOW)));
        assertEquals(1, created.stream().filter(won -> won).count(), created.toString());
    }

    @Test
    void devicesAddedByBothAtOnceAreAllKept() throws Exception {
        race(
                KeyValueDeviceStore::new,
                (devices, i) -> devices.update("alice", current -> {
                    List<Device> changed = new ArrayList<>(current);
                    changed.add(new Device("d" + i, "Device " + i, "browser", "AB".repeat(32), true, NOW));
                    return changed;
                }));
        Set<String> ids = new KeyValueDeviceStore(first)
                .list("alice").stream().map(Device::id).collect(Collectors.toSet());
        assertEquals(RACERS, ids.size(), ids.toString());
    }

    @Test
    void anIdentityBoundByBothAtOnceGoesToOneClient() throws Exception {
        List<Boolean> bound = race(
                KeyValueIdentityStore::new,
                (identities, i) -> identities.bind(
                        new BoundIdentity("alice@idp.example", "c" + i, "uid-" + i, "idp.example", "default", NOW)));
        assertEquals(1, bound.stream().filter(won -> won).count(), bound.toString());
        KeyValueIdentityStore identities = new KeyValueIdentityStore(second);
        String winner = "c" + bound.indexOf(true);
        assertEquals(
                winner, identities.byIdentity("alice@idp.example").orElseThrow().clientId());
        for (int i = 0; i < RACERS; i++) {
            assertEquals(("c" + i).equals(winner), identities.byClient("c" + i).isPresent(), "c" + i);
        }
    }

    @Test
    void filterRulesChangedByBothAtOnceAreAllKept() throws Exception {
        race(
                KeyValueFilterStore::new,
                (filters, i) -> filters.updateRules("alice", Map.of("p" + i, "ring"), List.of()));
        assertEquals(RACERS, new KeyValueFilterStore(first).rules("alice").size());
    }

    @Test
    void aVerificationLinkUsedByBothAtOnceIsAcceptedOnce() throws Exception {
        List<Boolean> accepted = race(
                KeyValueVerificationLinkStore::new, (links, i) -> links.markUsed("link-1", NOW.plusSeconds(60), NOW));
        assertEquals(1, accepted.stream().filter(won -> won).count(), accepted.toString());
    }

    /**
     * Runs {@code operation} {@value #RACERS} times at once, alternately on a store object of each process (one
     * object per process, as a service has), and returns the results in the order of {@code i}.
     */
    private <S, R> List<R> race(Function<KeyValueStore, S> storeOf, BiFunction<S, Integer, R> operation)
            throws Exception {
        List<S> stores = List.of(storeOf.apply(first), storeOf.apply(second));
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            List<Future<R>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                results.add(threads.submit(() -> operation.apply(stores.get(racer % 2), racer)));
            }
            List<R> done = new ArrayList<>();
            for (Future<R> result : results) {
                done.add(result.get());
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }
}
