package org.callsign.server.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

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
 *   <li>{@link #updateIf} (and so {@link #compareAndSet} and {@link #compute}) is atomic with respect to every other
 *       writer of the store, in this process and in any other process sharing it: its check and its changes happen
 *       with no write in between. This is what makes a check-then-write (a name not yet taken, a list changed by
 *       one item) safe when several service processes share one Redis key prefix.
 *   <li>Reads see every write that returned before them, from any thread.
 *   <li>Namespaces are independent; a namespace name matches {@link #NAMESPACE_PATTERN}.
 * </ul>
 *
 * <p>The embedded implementation is {@link MvStoreKeyValueStore}; {@link RedisKeyValueStore} keeps the same contract
 * on a Redis server that fsyncs every write (a hash per namespace, {@code MULTI}/{@code EXEC} for {@link #update}, a
 * Lua script for {@link #updateIf}).
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

    /**
     * Applies {@code puts} and then {@code removals} as {@link #update} does, but only if every key of {@code
     * expected} holds exactly the given bytes, or is absent where the given value is empty; all in one atomic,
     * durable step. Returns whether the change was applied; false means that another writer got there first, and
     * nothing was written. An empty {@code expected} makes this an unconditional {@link #update}.
     */
    boolean updateIf(
            String namespace,
            Map<String, Optional<byte[]>> expected,
            Map<String, byte[]> puts,
            Collection<String> removals);

    /**
     * Sets {@code key} to {@code value} (removes it if {@code value} is null) if it now holds {@code expected}
     * (is absent if {@code expected} is null); atomic and durable as {@link #updateIf}. Returns whether it did.
     */
    default boolean compareAndSet(String namespace, String key, byte[] expected, byte[] value) {
        Map<String, Optional<byte[]>> condition = Map.of(key, Optional.ofNullable(expected));
        return value == null
                ? updateIf(namespace, condition, Map.of(), List.of(key))
                : updateIf(namespace, condition, Map.of(key, value), List.of());
    }

    /**
     * Replaces the value of {@code key} by what {@code change} makes of it (an empty result removes the key), with
     * an optimistic retry: read, change, {@link #compareAndSet}, and on a lost race start again from a fresh read,
     * at most {@link OptimisticRetry#MAX_ATTEMPTS} times. {@code change} may therefore run more than once and must
     * have no effect but its result. A result equal to the current value writes nothing. Returns the new value.
     *
     * @throws StoreException naming the namespace and key when every attempt lost a race
     */
    default Optional<byte[]> compute(String namespace, String key, UnaryOperator<Optional<byte[]>> change) {
        return OptimisticRetry.run(namespace + "/" + key, () -> {
            Optional<byte[]> current = get(namespace, key);
            Optional<byte[]> changed = change.apply(current.map(byte[]::clone));
            boolean unchanged = current.isPresent()
                    ? changed.isPresent() && Arrays.equals(current.get(), changed.get())
                    : changed.isEmpty();
            if (unchanged || compareAndSet(namespace, key, current.orElse(null), changed.orElse(null))) {
                return Optional.of(changed);
            }
            return Optional.empty();
        });
    }

    /** Closes the store; further calls fail with {@link StoreException}. */
    @Override
    void close();
}
