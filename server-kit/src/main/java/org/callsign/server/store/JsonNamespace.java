package org.callsign.server.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One namespace of a {@link KeyValueStore} holding records of one type as JSON ({@link JsonRecords}): the typed view
 * that every store of a service is built on. Durability and atomicity are the underlying store's: the conditional
 * methods ({@link #putIfAbsent}, {@link #compute}, {@link #updateIf}, {@link #removeWhere}) stay correct when other
 * processes write the same store.
 *
 * @param <T> the record type
 */
public final class JsonNamespace<T> {

    private final KeyValueStore store;
    private final String namespace;
    private final Class<T> type;

    public JsonNamespace(KeyValueStore store, String namespace, Class<T> type) {
        if (!namespace.matches(KeyValueStore.NAMESPACE_PATTERN)) {
            throw new IllegalArgumentException("invalid namespace: " + namespace);
        }
        this.store = store;
        this.namespace = namespace;
        this.type = type;
    }

    /** The record under {@code key}. */
    public Optional<T> get(String key) {
        return store.get(namespace, key).map(bytes -> decode(key, bytes));
    }

    /** Every record, ordered by key. */
    public Map<String, T> entries() {
        Map<String, T> records = new LinkedHashMap<>();
        store.entries(namespace).forEach((key, bytes) -> records.put(key, decode(key, bytes)));
        return records;
    }

    /** Stores {@code value} under {@code key}; durable on return. */
    public void put(String key, T value) {
        store.put(namespace, key, JsonRecords.encode(namespace, key, value));
    }

    /** Removes {@code key}; returns whether it was present. */
    public boolean remove(String key) {
        return store.remove(namespace, key);
    }

    /** Applies {@code puts}, then {@code removals}, as one atomic, durable change. */
    public void update(Map<String, T> puts, Collection<String> removals) {
        store.update(namespace, encode(puts), removals);
    }

    /** Stores {@code value} under {@code key} if the key is absent; returns whether it did. */
    public boolean putIfAbsent(String key, T value) {
        return store.compareAndSet(namespace, key, null, JsonRecords.encode(namespace, key, value));
    }

    /**
     * Replaces the record under {@code key} by what {@code change} makes of it (empty: removed), atomically with
     * respect to every writer; see {@link KeyValueStore#compute}: {@code change} may run more than once. Returns the
     * new record.
     */
    public Optional<T> compute(String key, UnaryOperator<Optional<T>> change) {
        return store.compute(namespace, key, bytes -> change.apply(bytes.map(value -> decode(key, value)))
                        .map(value -> JsonRecords.encode(namespace, key, value)))
                .map(bytes -> decode(key, bytes));
    }

    /** The stored bytes under {@code key}, to name in the {@code expected} of {@link #updateIf}. */
    public Optional<byte[]> bytes(String key) {
        return store.get(namespace, key);
    }

    /** The record in stored bytes read with {@link #bytes}. */
    public T decode(String key, byte[] bytes) {
        return JsonRecords.decode(namespace, key, bytes, type);
    }

    /** {@link #update}, if every key of {@code expected} still holds those bytes (empty: absent); see {@link KeyValueStore#updateIf}. */
    public boolean updateIf(Map<String, Optional<byte[]>> expected, Map<String, T> puts, Collection<String> removals) {
        return store.updateIf(namespace, expected, encode(puts), removals);
    }

    /** Removes every record that {@code doomed} accepts, as {@link #removeMatching} does; returns how many. */
    public int removeWhere(Predicate<T> doomed) {
        return removeMatching(doomed).size();
    }

    /**
     * Removes every record that {@code doomed} accepts, in one atomic change, and only if none of them changed since
     * it was read (then all are read and judged again); returns the removed records by key.
     */
    public Map<String, T> removeMatching(Predicate<T> doomed) {
        return OptimisticRetry.run(namespace, () -> {
            Map<String, Optional<byte[]>> read = new LinkedHashMap<>();
            Map<String, T> removed = new LinkedHashMap<>();
            store.entries(namespace).forEach((key, bytes) -> {
                T record = decode(key, bytes);
                if (doomed.test(record)) {
                    read.put(key, Optional.of(bytes));
                    removed.put(key, record);
                }
            });
            if (read.isEmpty() || store.updateIf(namespace, read, Map.of(), List.copyOf(read.keySet()))) {
                return Optional.of(removed);
            }
            return Optional.empty();
        });
    }

    private Map<String, byte[]> encode(Map<String, T> records) {
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        records.forEach((key, value) -> encoded.put(key, JsonRecords.encode(namespace, key, value)));
        return encoded;
    }
}
