package org.callsign.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
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
