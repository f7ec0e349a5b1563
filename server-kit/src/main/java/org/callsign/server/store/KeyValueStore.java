package org.callsign.server.store;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A durable key-value store of opaque byte values, grouped in namespaces (one per kind of record: signing keys,
 * accounts, consents, ...). Callers own the encoding of their values.
 *
 * <p>The contract every implementation keeps, and that callers rely on:
 *
 * <ul>
 *   <li>A write that returns normally is durable: it survives the process being killed ({@code kill -9}) right
 *       after. A write that throws may or may not have happened.
 *   <li>{@link #update} is atomic: after a crash either all of its changes are visible or none.
 *   <li>Reads see every write that returned before them, from any thread.
 *   <li>Namespaces are independent; a namespace name matches {@link #NAMESPACE_PATTERN}.
 * </ul>
 *
 * <p>The embedded implementation is {@link MvStoreKeyValueStore}; {@link RedisKeyValueStore} keeps the same contract
 * on a Redis server that fsyncs every write (a hash per namespace, {@code MULTI}/{@code EXEC} for {@link #update}).
 */
public interface KeyValueStore extends AutoCloseable {

    /** Namespace names: lower-case letters, digits and dashes, starting with a letter, at most 64 characters. */
    String NAMESPACE_PATTERN = "[a-z][a-z0-9-]{0,63}";

    /** The value stored under {@code key}, if any. */
    Optional<byte[]> get(String namespace, String key);

    /** A snapshot of every entry of the namespace, ordered by key. */
    Map<String, byte[]> entries(String namespace);

    /** Stores {@code value} under {@code key}, replacing any previous value; durable on return. */
    void put(String namespace, String key, byte[] value);

    /** Removes {@code key}; durable on return. Returns whether the key was present. */
    boolean remove(String namespace, String key);

    /**
     * Applies {@code puts} and then {@code removals} to the namespace as one atomic, durable change. A key in both
     * is removed.
     */
    void update(String namespace, Map<String, byte[]> puts, Collection<String> removals);

    /** Closes the store; further calls fail with {@link StoreException}. */
    @Override
    void close();
}
