package org.callsign.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MvStoreKeyValueStoreTest extends KeyValueStoreContract {

    private static final String FILE_NAME = "test.mv.db";

    @TempDir
    Path temp;

    @Override
    protected KeyValueStore open() {
        return MvStoreKeyValueStore.open(temp, FILE_NAME);
    }

    @Test
    void createsDataDirectoryAndFileOwnerOnly() throws Exception {
        Path dataDir = temp.resolve("data").resolve("service");
        try (MvStoreKeyValueStore store = MvStoreKeyValueStore.open(dataDir, FILE_NAME)) {
            store.put("accounts", "alice", bytes("one"));
            assertEquals("rwx------", permissions(dataDir));
            assertEquals("rwx------", permissions(dataDir.getParent()));
            assertEquals("rw-------", permissions(store.file()));
            assertEquals(dataDir.resolve(FILE_NAME), store.file());
        }
    }

    @Test
    void tightensWiderPermissionsOfAnExistingStore() throws Exception {
        try (KeyValueStore store = open()) {
            store.put("accounts", "alice", bytes("one"));
        }
        Path file = temp.resolve(FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (KeyValueStore store = open()) {
            assertEquals("rw-------", permissions(file));
            assertEquals("rwx------", permissions(temp));
            assertEquals("one", text(store.get("accounts", "alice").orElseThrow()));
        }
    }

    @Test
    void secondOpenOfTheSameDirectoryFails() {
        try (KeyValueStore store = open()) {
            store.put("accounts", "alice", bytes("one"));
            StoreException e = assertThrows(StoreException.class, () -> open());
            assertTrue(e.getMessage().startsWith("cannot open store "), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "store", "../x.mv.db", "a/b.mv.db", "Store.mv.db", "x.mv.db.old"})
    void rejectsInvalidFileName(String fileName) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MvStoreKeyValueStore.open(temp, fileName));
        assertEquals("invalid store file name: " + fileName, e.getMessage());
        assertTrue(Files.notExists(temp.resolve("x.mv.db")));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
