package org.callsign.server.store;

/**
 * Where a service keeps its data, as its configuration names it ({@code callsign.<service>.store.kind=embedded}).
 */
public enum StoreKind {

    /** {@link MvStoreKeyValueStore}: a file in the service's data directory; nothing to install. */
    EMBEDDED,

    /** {@link RedisKeyValueStore}: a Redis server that several nodes can share. */
    REDIS
}
