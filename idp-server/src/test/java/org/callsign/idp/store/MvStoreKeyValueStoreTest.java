package org.callsign.idp.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MvStoreKeyValueStoreTest {

    @TempDir
    Path temp;

    @Test
    void putThenGetReturnsTheValue() {
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
            store.put("accounts", "alice", bytes("one"));
            assertEquals("one", text(store.get("accounts", "alice").orElseThrow()));
            assertTrue(store.get("accounts", "bob").isEmpty());
        }
    }

    @Test
    void putReplacesAndRemoveDeletes() {
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
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
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
            store.put("accounts", "alice", bytes("account"));
            store.put("consents", "alice", bytes("consent"));
            assertEquals("account", text(store.get("accounts", "alice").orElseThrow()));
            assertEquals("consent", text(store.get("consents", "alice").orElseThrow()));
            assertEquals(Set.of("alice"), store.entries("accounts").keySet());
        }
    }

    @Test
    void entriesAreOrderedByKey() {
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
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
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
            store.put("keys", "old", bytes("o"));
            store.update("keys", Map.of("new", bytes("n"), "both", bytes("b")), List.of("old", "both"));
            assertEquals(Set.of("new"), store.entries("keys").keySet());
        }
    }

    @Test
    void valuesAreCopiedInAndOut() {
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
            byte[] value = bytes("abc");
            store.put("accounts", "alice", value);
            value[0] = 'X';
            store.get("accounts", "alice").orElseThrow()[1] = 'Y';
            assertEquals("abc", text(store.get("accounts", "alice").orElseThrow()));
        }
    }

    @Test
    void writesSurviveCloseAndReopen() {
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
            store.put("accounts", "alice", bytes("one"));
            store.update("accounts", Map.of("bob", bytes("two")), List.of());
        }
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
            assertArrayEquals(bytes("one"), store.get("accounts", "alice").orElseThrow());
            assertArrayEquals(bytes("two"), store.get("accounts", "bob").orElseThrow());
        }
    }

    @Test
    void createsDataDirectoryAndFileOwnerOnly() throws Exception {
        Path dataDir = temp.resolve("data").resolve("idp");
        try (MvStoreKeyValueStore store = MvStoreKeyValueStore.open(dataDir)) {
            store.put("accounts", "alice", bytes("one"));
            assertEquals("rwx------", permissions(dataDir));
            assertEquals("rwx------", permissions(dataDir.getParent()));
            assertEquals("rw-------", permissions(store.file()));
            assertEquals(dataDir.resolve(MvStoreKeyValueStore.FILE_NAME), store.file());
        }
    }

    @Test
    void tightensWiderPermissionsOfAnExistingStore() throws Exception {
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
            store.put("accounts", "alice", bytes("one"));
        }
        Path file = temp.resolve(MvStoreKeyValueStore.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
            assertEquals("rw-------", permissions(file));
            assertEquals("rwx------", permissions(temp));
            assertEquals("one", text(store.get("accounts", "alice").orElseThrow()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Accounts", "1accounts", "a/b", "a b", "accounts.old"})
    void rejectsInvalidNamespace(String namespace) {
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> store.put(namespace, "k", bytes("v")));
            assertEquals("invalid namespace: " + namespace, e.getMessage());
        }
    }

    @Test
    void closedStoreRefusesAccess() {
        KeyValueStore store = MvStoreKeyValueStore.open(temp);
        store.close();
        StoreException e = assertThrows(StoreException.class, () -> store.get("accounts", "alice"));
        assertTrue(e.getMessage().endsWith("is closed"), e.getMessage());
    }

    @Test
    void secondOpenOfTheSameDirectoryFails() {
        try (KeyValueStore store = MvStoreKeyValueStore.open(temp)) {
            store.put("accounts", "alice", bytes("one"));
            StoreException e = assertThrows(StoreException.class, () -> MvStoreKeyValueStore.open(temp));
            assertTrue(e.getMessage().startsWith("cannot open store "), e.getMessage());
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, UTF_8);
    }
}
