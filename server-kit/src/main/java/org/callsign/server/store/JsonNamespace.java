package org.callsign.server.store;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One namespace of a {@link KeyValueStore} holding records of one type as JSON ({@link JsonRecords}): the typed view
 * that every store of a service is built on. Durability and atomicity are the underlying store's.
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
        Map<String, byte[]> encoded = new LinkedHashMap<>();
        puts.forEach((key, value) -> encoded.put(key, JsonRecords.encode(namespace, key, value)));
        store.update(namespace, encoded, removals);
    }

    /** Removes every record that {@code doomed} accepts, in one atomic change; returns how many. */
    public int removeWhere(Predicate<T> doomed) {
        List<String> keys = entries().entrySet().stream()
                .filter(entry -> doomed.test(entry.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        if (!keys.isEmpty()) {
            store.update(namespace, Map.of(), keys);
        }
        return keys.size();
    }

    private T decode(String key, byte[] bytes) {
        return JsonRecords.decode(namespace, key, bytes, type);
    }
}
