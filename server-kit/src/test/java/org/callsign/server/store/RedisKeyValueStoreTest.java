package org.callsign.server.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on a real redis-server, and what is particular to Redis: hashes, prefixes, bytes, sizes. */
class RedisKeyValueStoreTest extends KeyValueStoreContract {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static final AtomicInteger TESTS = new AtomicInteger();

    /** Each test its own prefix on the shared server, so that no test sees another's data. */
    private String prefix;

    @BeforeEach
    void freshPrefix() {
        prefix = "test" + TESTS.incrementAndGet() + ":";
    }

    @Override
    protected KeyValueStore open() {
        return open(prefix);
    }

    private static RedisKeyValueStore open(String keyPrefix) {
        return RedisKeyValueStore.open(new RedisStoreOptions(REDIS.url(), keyPrefix));
    }

    @Test
    void storesEachNamespaceAsAHashUnderTheKeyPrefix() {
        try (RedisKeyValueStore store = open(prefix)) {
            store.put("accounts", "alice", bytes("one"));
            assertEquals(prefix + "accounts", store.hash("accounts"));
            assertEquals("hash", REDIS.cli("TYPE", prefix + "accounts"));
            assertEquals("one", REDIS.cli("HGET", prefix + "accounts", "alice"));
        }
    }

    @Test
    void keyPrefixesIsolateDeploymentsOnOneServer() {
        try (KeyValueStore first = open(prefix + "first:");
                KeyValueStore second = open(prefix + "second:")) {
            first.put("accounts", "alice", bytes("first"));
            second.put("accounts", "alice", bytes("second"));
            second.put("accounts", "bob", bytes("second"));
            assertEquals("first", text(first.get("accounts", "alice").orElseThrow()));
            assertEquals(Set.of("alice"), first.entries("accounts").keySet());
            assertTrue(second.remove("accounts", "alice"));
            assertEquals("first", text(first.get("accounts", "alice").orElseThrow()));
        }
    }

    @Test
    void binaryValuesAndUnicodeKeysRoundTrip() {
        byte[] everyByte = new byte[512];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        try (KeyValueStore store = open()) {
            store.put("keys", "zero", new byte[0]);
            store.update("keys", Map.of("all", everyByte, "ключ-é-😀", bytes("unicode")), List.of());
            assertArrayEquals(new byte[0], store.get("keys", "zero").orElseThrow());
            assertArrayEquals(everyByte, store.get("keys", "all").orElseThrow());
            assertArrayEquals(everyByte, store.entries("keys").get("all"));
            assertEquals("unicode", text(store.get("keys", "ключ-é-😀").orElseThrow()));
        }
    }

    @Test
    void entriesFollowJavaStringOrderAsTheEmbeddedStoreDoes() {
        List<String> keys = List.of("b", "a", "B", "é", "aa", "😀", "\uffff", "0", "a-b");
        try (KeyValueStore store = open()) {
            keys.forEach(key -> store.put("keys", key, bytes(key)));
            // String.compareTo: UTF-16 code units, so U+FFFF sorts after an emoji's surrogates.
            assertEquals(
                    keys.stream().sorted().toList(),
                    List.copyOf(store.entries("keys").keySet()));
        }
    }

    @Test
    void largeValuesRoundTrip() {
        byte[] large = new byte[16 * 1024 * 1024];
        new Random(7).nextBytes(large);
        try (KeyValueStore store = open()) {
            store.put("blobs", "put", large);
            store.update("blobs", Map.of("update", large), List.of());
            assertArrayEquals(large, store.get("blobs", "put").orElseThrow());
            assertArrayEquals(large, store.entries("blobs").get("update"));
        }
    }

    @Test
    void concurrentUpdatesAreAppliedWhole() throws Exception {
        List<String> keys = List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7");
        int writers = 4;
        int updatesEach = 50;
        ExecutorService threads = Executors.newFixedThreadPool(writers + 1);
        try (KeyValueStore store = open()) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(threads.submit(() -> {
                    for (int i = 0; i < updatesEach; i++) {
                        byte[] value = bytes(writer + "-" + i);
                        Map<String, byte[]> puts = new TreeMap<>();
                        keys.forEach(key -> puts.put(key, value));
                        store.update("pairs", puts, List.of());
                    }
                }));
            }
            Set<String> seen = new HashSet<>();
            Future<?> reader = threads.submit(() -> {
                while (done.stream().anyMatch(f -> !f.isDone())) {
                    Map<String, byte[]> snapshot = store.entries("pairs");
                    Set<String> values = new HashSet<>();
                    snapshot.values().forEach(v -> values.add(text(v)));
                    assertTrue(
                            snapshot.isEmpty() || (snapshot.size() == keys.size() && values.size() == 1),
                            "an update was seen half applied: " + values);
                    seen.addAll(values);
                }
            });
            for (Future<?> writer : done) {
                writer.get();
            }
            reader.get();
            Set<String> last = new HashSet<>();
            store.entries("pairs").values().forEach(v -> last.add(text(v)));
            assertEquals(1, last.size(), "final values: " + last);
            assertTrue(seen.size() > 1, "the reader saw no update happen: " + seen);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aNamespaceHeldByAnotherTypeFailsWithTheNamespaceNamed() {
        REDIS.cli("SET", prefix + "accounts", "not a hash");
        try (KeyValueStore store = open()) {
            StoreException read = assertThrows(StoreException.class, () -> store.get("accounts", "alice"));
            assertEquals(
                    "redis " + REDIS.url() + ": read of namespace accounts failed: WRONGTYPE Operation against a key"
                            + " holding the wrong kind of value",
                    read.getMessage());
            StoreException update = assertThrows(
                    StoreException.class, () -> store.update("accounts", Map.of("alice", bytes("v")), List.of()));
            assertTrue(
                    update.getMessage().startsWith("redis " + REDIS.url() + ": update of namespace accounts failed: "),
                    update.getMessage());
            assertEquals("not a hash", REDIS.cli("GET", prefix + "accounts"));
        }
    }

    @Test
    void twoStoresOnOnePrefixLoseNoIncrement() throws Exception {
        try (KeyValueStore first = open(prefix);
                KeyValueStore second = open(prefix)) {
            assertEquals(2 * 2 * 25, incrementConcurrently(List.of(first, second, first, second), 25));
        }
    }

    @Test
    void updateIfComparesBinaryValuesExactly() {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] lastByteChanged = everyByte.clone();
        lastByteChanged[255] = 0;
        try (KeyValueStore store = open()) {
            store.put("keys", "all", everyByte);
            assertFalse(store.compareAndSet("keys", "all", lastByteChanged, bytes("x")));
            assertTrue(store.compareAndSet("keys", "all", everyByte, lastByteChanged));
            assertArrayEquals(lastByteChanged, store.get("keys", "all").orElseThrow());
        }
    }

    @Test
    void anEmptyUpdateSendsNothing() {
        try (KeyValueStore store = open()) {
            store.update("accounts", Map.of(), List.of());
            assertEquals("0", REDIS.cli("EXISTS", prefix + "accounts"));
        }
    }
}
