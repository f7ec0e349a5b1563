package org.callsign.server.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The embedded {@link KeyValueStore}: one H2 MVStore file in a data directory, named by the service that owns it
 * ({@code idp.mv.db}, {@code signaling.mv.db}), with one {@link MVMap} per namespace.
 *
 * <p>Durability: auto-commit is disabled, and every write is followed by {@link MVStore#commit()} and
 * {@link MVStore#sync()} (an fsync) before it returns, under one lock, so an acknowledged write survives both a
 * killed process and a power loss, and {@link #update} lands in one commit: MVStore reopens at the last complete
 * commit. The price is an fsync per write, which suits rare writes (keys, accounts, consents, devices). Space of
 * old versions is reused by later commits, and the file is compacted when the store is closed.
 *
 * <p>{@link #updateIf} checks and writes under the same lock as every other write, which makes it atomic within this
 * process; and one process at a time can open the file (below), so that is every writer there is.
 *
 * <p>The directory is created {@code rwx------} and the file {@code rw-------} (see {@link OwnerOnlyFiles}). MVStore
 * locks the file, so one process at a time can open it.
 */
public final class MvStoreKeyValueStore implements KeyValueStore {

    /** Names of store files: a plain file name ending in {@code .mv.db}. */
    public static final String FILE_NAME_PATTERN = "[a-z][a-z0-9-]{0,63}\\.mv\\.db";

    private final Path file;
    private final MVStore store;
    private final Object writeLock = new Object();

    private MvStoreKeyValueStore(Path file, MVStore store) {
        this.file = file;
        this.store = store;
    }

    /** Opens (or creates) the store file {@code fileName} in {@code dataDir}, creating the directory as needed. */
    public static MvStoreKeyValueStore open(Path dataDir, String fileName) {
        if (!fileName.matches(FILE_NAME_PATTERN)) {
            throw new IllegalArgumentException("invalid store file name: " + fileName);
        }
        Path file = dataDir.resolve(fileName);
        try {
            OwnerOnlyFiles.directory(dataDir);
            OwnerOnlyFiles.file(file);
        } catch (IOException e) {
            throw new StoreException("cannot prepare data directory " + dataDir + ": " + e.getMessage(), e);
        }
        try {
            MVStore store = new MVStore.Builder()
                    .fileName(file.toString())
                    .autoCommitDisabled()
                    .open();
            return new MvStoreKeyValueStore(file, store);
        } catch (MVStoreException e) {
            throw new StoreException("cannot open store " + file + ": " + e.getMessage(), e);
        }
    }

    /** The store file. */
    public Path file() {
        return file;
    }

    /** The store as logs name it: {@code embedded store <file>}. */
    @Override
    public String toString() {
        return "embedded store " + file.toAbsolutePath().normalize();
    }

    @Override
    public Optional<byte[]> get(String namespace, String key) {
        Objects.requireNonNull(key, "key");
        byte[] value = map(namespace).get(key);
        return Optional.ofNullable(value).map(byte[]::clone);
    }

    @Override
    public Map<String, byte[]> entries(String namespace) {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        // MVMap iterates in key order over a consistent snapshot.
        map(namespace).forEach((key, value) -> copy.put(key, value.clone()));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public void put(String namespace, String key, byte[] value) {
        update(namespace, Map.of(key, value), Collections.emptySet());
    }

    @Override
    public boolean remove(String namespace, String key) {
        Objects.requireNonNull(key, "key");
        synchronized (writeLock) {
            boolean present = map(namespace).remove(key) != null;
            if (present) {
                commit(namespace);
            }
            return present;
        }
    }

    @Override
    public void update(String namespace, Map<String, byte[]> puts, Collection<String> removals) {
        updateIf(namespace, Map.of(), puts, removals);
    }

    @Override
    public boolean updateIf(
            String namespace,
            Map<String, Optional<byte[]>> expected,
            Map<String, byte[]> puts,
            Collection<String> removals) {
        expected.forEach((key, value) -> {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "expected value");
        });
        puts.forEach((key, value) -> {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        });
        removals.forEach(key -> Objects.requireNonNull(key, "key"));
        synchronized (writeLock) {
            MVMap<String, byte[]> map = map(namespace);
            for (Map.Entry<String, Optional<byte[]>> condition : expected.entrySet()) {
                byte[] current = map.get(condition.getKey());
                boolean holds = condition.getValue().isPresent()
                        ? current != null
                                && Arrays.equals(current, condition.getValue().get())
                        : current == null;
                if (!holds) {
                    return false;
                }
            }
            puts.forEach((key, value) -> map.put(key, value.clone()));
            removals.forEach(map::remove);
            commit(namespace);
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (!store.isClosed()) {
                store.close();
            }
        }
    }

    private void commit(String namespace) {
        try {
            store.commit();
            store.sync();
        } catch (MVStoreException e) {
            throw new StoreException("cannot commit namespace " + namespace + " to " + file + ": " + e.getMessage(), e);
        }
    }

    private MVMap<String, byte[]> map(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.matches(NAMESPACE_PATTERN)) {
            throw new IllegalArgumentException("invalid namespace: " + namespace);
        }
        if (store.isClosed()) {
            throw new StoreException("store " + file + " is closed");
        }
        try {
            return store.openMap(namespace);
        } catch (MVStoreException e) {
            throw new StoreException("cannot open namespace " + namespace + " in " + file + ": " + e.getMessage(), e);
        }
    }
}
