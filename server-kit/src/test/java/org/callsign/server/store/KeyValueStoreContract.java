package org.callsign.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link KeyValueStore} contract as tests: every implementation (the embedded one, a Redis one) extends this
 * class and passes it unchanged.
 */
public abstract class KeyValueStoreContract {

    /** Opens the implementation under test; a second call after {@code close()} reopens the same data. */
    protected abstract KeyValueStore open();

    @Test
    void putThenGetReturnsTheValue() {
        try (KeyValueStore store = open()) {
            store.put("accounts", "alice", bytes("one"));
            assertEquals("one", text(store.get("accounts", "alice").orElseThrow()));
            assertTrue(store.get("accounts", "bob").isEmpty());
        }
    }

    @Test
    void putReplacesAndRemoveDeletes() {
        try (KeyValueStore store = open()) {
            store.put("accounts", "alice", bytes("one"));
            store.put("accounts", "alice", bytes("two"));
            assertEquals("two", text(store.get("accounts", "alice").orElseThrow()));
            assertTrue(store.remove("accounts", "alice"));
            assertFalse(store.remove("accounts", "alice"));
            assertTrue(store.get("accounts", "alice").isEmpty());
        }
    }

    @Test
    void namespacesAreIndependent() {
        try (KeyValueStore store = open()) {
            store.put("accounts", "alice", bytes("account"));
            store.put("consents", "alice", bytes("consent"));
            assertEquals("account", text(store.get("accounts", "alice").orElseThrow()));
            assertEquals("consent", text(store.get("consents", "alice").orElseThrow()));
            assertEquals(Set.of("alice"), store.entries("accounts").keySet());
        }
    }

    @Test
    void entriesAreOrderedByKey() {
        try (KeyValueStore store = open()) {
            store.put("accounts", "carol", bytes("3"));
            store.put("accounts", "alice", bytes("1"));
            store.put("accounts", "bob", bytes("2"));
            assertEquals(
                    List.of("alice", "bob", "carol"),
                    List.copyOf(store.entries("accounts").keySet()));
        }
    }

    @Test
    void updateAppliesPutsThenRemovals() {
        try (KeyValueStore store = open()) {
            store.put("keys", "old", bytes("o"));
            store.update("keys", Map.of("new", bytes("n"), "both", bytes("b")), List.of("old", "both"));
            assertEquals(Set.of("new"), store.entries("keys").keySet());
        }
    }

    @Test
    void valuesAreCopiedInAndOut() {
        try (KeyValueStore store = open()) {
            byte[] value = bytes("abc");
            store.put("accounts", "alice", value);
            value[0] = 'X';
            store.get("accounts", "alice").orElseThrow()[1] = 'Y';
            assertEquals("abc", text(store.get("accounts", "alice").orElseThrow()));
        }
    }

    @Test
    void writesSurviveCloseAndReopen() {
        try (KeyValueStore store = open()) {
            store.put("accounts", "alice", bytes("one"));
            store.update("accounts", Map.of("bob", bytes("two")), List.of());
        }
        try (KeyValueStore store = open()) {
            assertArrayEquals(bytes("one"), store.get("accounts", "alice").orElseThrow());
            assertArrayEquals(bytes("two"), store.get("accounts", "bob").orElseThrow());
        }
    }

    @Test
    void compareAndSetWritesOnlyOverTheExpectedValue() {
        try (KeyValueStore store = open()) {
            assertTrue(store.compareAndSet("accounts", "alice", null, bytes("one")), "absent as expected");
            assertFalse(store.compareAndSet("accounts", "alice", null, bytes("two")), "present, absent expected");
            assertFalse(store.compareAndSet("accounts", "alice", bytes("other"), bytes("two")), "mismatch");
            assertEquals("one", text(store.get("accounts", "alice").orElseThrow()));
            assertTrue(store.compareAndSet("accounts", "alice", bytes("one"), bytes("two")), "present as expected");
            assertEquals("two", text(store.get("accounts", "alice").orElseThrow()));
            assertFalse(store.compareAndSet("accounts", "bob", bytes("two"), bytes("three")), "absent, value expected");
            assertTrue(store.get("accounts", "bob").isEmpty());
        }
    }

    @Test
    void compareAndSetWithNullValueRemoves() {
        try (KeyValueStore store = open()) {
            store.put("accounts", "alice", bytes("one"));
            assertFalse(store.compareAndSet("accounts", "alice", bytes("two"), null));
            assertTrue(store.get("accounts", "alice").isPresent());
            assertTrue(store.compareAndSet("accounts", "alice", bytes("one"), null));
            assertTrue(store.get("accounts", "alice").isEmpty());
            assertTrue(store.compareAndSet("accounts", "alice", null, null), "absent stays absent");
        }
    }

    @Test
    void compareAndSetTellsEmptyFromAbsent() {
        try (KeyValueStore store = open()) {
            assertFalse(store.compareAndSet("accounts", "alice", new byte[0], bytes("one")));
            store.put("accounts", "alice", new byte[0]);
            assertFalse(store.compareAndSet("accounts", "alice", null, bytes("one")));
            assertTrue(store.compareAndSet("accounts", "alice", new byte[0], bytes("one")));
        }
    }

    @Test
    void updateIfChecksEveryExpectedKeyBeforeWritingAny() {
        try (KeyValueStore store = open()) {
            store.put("identities", "name:alice", bytes("c1"));
            Map<String, Optional<byte[]>> stale =
                    Map.of("name:alice", Optional.of(bytes("c1")), "client:c2", Optional.of(bytes("alice")));
            assertFalse(
                    store.updateIf("identities", stale, Map.of("client:c1", bytes("alice")), List.of("name:alice")));
            assertEquals(Set.of("name:alice"), store.entries("identities").keySet());
            Map<String, Optional<byte[]>> fresh =
                    Map.of("name:alice", Optional.of(bytes("c1")), "client:c2", Optional.empty());
            assertTrue(store.updateIf("identities", fresh, Map.of("client:c1", bytes("alice")), List.of("name:alice")));
            assertEquals(Set.of("client:c1"), store.entries("identities").keySet());
        }
    }

    @Test
    void computeChangesRemovesAndLeavesAnUnchangedValueAlone() {
        try (KeyValueStore store = open()) {
            assertEquals(
                    "1",
                    text(store.compute("counters", "c", current -> Optional.of(bytes("1")))
                            .orElseThrow()));
            assertEquals(
                    "12",
                    text(store.compute("counters", "c", current -> current.map(v -> bytes(text(v) + "2")))
                            .orElseThrow()));
            assertEquals(
                    "12",
                    text(store.compute("counters", "c", current -> current).orElseThrow()));
            assertTrue(
                    store.compute("counters", "c", current -> Optional.empty()).isEmpty());
            assertTrue(store.get("counters", "c").isEmpty());
        }
    }

    @Test
    void concurrentComputesFromSeveralThreadsLoseNoIncrement() throws Exception {
        try (KeyValueStore store = open()) {
            assertEquals(4 * 25, incrementConcurrently(List.of(store, store, store, store), 25));
        }
    }

    /**
     * Increments the counter {@code counters/c} {@code each} times from one thread per store given, all at once, and
     * returns its final value.
     */
    protected static int incrementConcurrently(List<KeyValueStore> stores, int each) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(stores.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (KeyValueStore store : stores) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        store.compute(
                                "counters",
                                "c",
                                current -> Optional.of(bytes(String.valueOf(current.map(v -> Integer.parseInt(text(v)))
                                                .orElse(0)
                                        + 1))));
                    }
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            return Integer.parseInt(text(stores.get(0).get("counters", "c").orElseThrow()));
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Accounts", "1accounts", "a/b", "a b", "accounts.old"})
    void rejectsInvalidNamespace(String namespace) {
        try (KeyValueStore store = open()) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> store.put(namespace, "k", bytes("v")));
            assertEquals("invalid namespace: " + namespace, e.getMessage());
        }
    }

    @Test
    void closedStoreRefusesAccess() {
        KeyValueStore store = open();
        store.close();
        StoreException e = assertThrows(StoreException.class, () -> store.get("accounts", "alice"));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
    }

    protected static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    protected static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }
}
