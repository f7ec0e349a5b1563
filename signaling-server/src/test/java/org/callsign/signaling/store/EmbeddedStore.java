package org.callsign.signaling.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.MvStoreKeyValueStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded key-value store for the signaling stores' contract tests, as a JUnit extension: {@link #reopen} closes
 * the store and opens the same file again, as a restart would; after each test the store is closed and its directory
 * deleted.
 */
public final class EmbeddedStore implements AfterEachCallback {

    private Path dir;
    private KeyValueStore store;

    /** The store, closed and opened again from its file. */
    public KeyValueStore reopen() {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("signaling-store");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        close();
        store = MvStoreKeyValueStore.open(dir, StoreProducer.FILE_NAME);
        return store;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
            dir = null;
        }
    }

    private void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
