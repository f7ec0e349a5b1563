package org.callsign.server.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A service's store settings, which each service maps as a group of its own {@code @ConfigMapping} under its prefix
 * ({@code callsign.signaling.store}, {@code callsign.idp.store}). Every setting is optional and its default is applied
 * here, so that this library needs no configuration framework and both services read the same keys the same way.
 */
public interface StoreConfig {

    /**
     * {@code embedded} (the default): {@link MvStoreKeyValueStore}, a file in the service's data directory, nothing to
     * install. {@code redis}: {@link RedisKeyValueStore} on {@link Redis#url()}, a server that must run {@code
     * appendonly yes} and {@code appendfsync always}.
     */
    Optional<StoreKind> kind();

    /** The Redis server, used when the kind is {@code redis}. */
    Redis redis();

    /** The settings of {@link RedisStoreOptions}. */
    interface Redis {

        /**
         * {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://} for TLS; required when the kind
         * is {@code redis}. Logs and messages show it without the password.
         */
        Optional<String> url();

        /**
         * Prefix of every Redis key of the service ({@link RedisStoreOptions#KEY_PREFIX_PATTERN}), so that several
         * deployments, or both services, can share one Redis; default {@code callsign:<service>:}.
         */
        Optional<String> keyPrefix();

        /**
         * The longest wait for a connection or one command's answer; default {@link RedisStoreOptions#DEFAULT_TIMEOUT}.
         */
        Optional<Duration> timeout();

        /**
         * Open the store even when the server does not fsync every write before answering, or will not say ({@code
         * CONFIG GET} denied): acknowledged writes may then be lost. Default {@code false}; for caches and tests.
         */
        Optional<Boolean> allowWeakDurability();

        /**
         * A PEM file of the certificate authorities trusted for a {@code rediss://} server; none: the JVM's default
         * ones.
         */
        Optional<Path> trustStore();
    }

    /**
     * Opens the configured store.
     *
     * @param prefix the configuration prefix of these settings, for messages ({@code callsign.idp.store})
     * @param dataDir the service's data directory, for the embedded store
     * @param fileName the embedded store's file ({@code idp.mv.db})
     * @param defaultKeyPrefix the key prefix when none is set ({@code callsign:idp:})
     * @throws IllegalStateException if the kind is {@code redis} and no URL is set
     * @throws IllegalArgumentException if a Redis setting is invalid
     * @throws StoreException if the store cannot be opened
     */
    default KeyValueStore open(String prefix, Path dataDir, String fileName, String defaultKeyPrefix) {
        if (kind().orElse(StoreKind.EMBEDDED) == StoreKind.EMBEDDED) {
            return MvStoreKeyValueStore.open(dataDir, fileName);
        }
        return RedisKeyValueStore.open(redisOptions(prefix, defaultKeyPrefix));
    }

    /**
     * The Redis settings as {@link RedisStoreOptions}, for the store and for whatever else shares its server (a
     * cluster's bus).
     *
     * @throws IllegalStateException if no URL is set
     * @throws IllegalArgumentException if a Redis setting is invalid
     */
    default RedisStoreOptions redisOptions(String prefix, String defaultKeyPrefix) {
        Redis redis = redis();
        String url = redis.url()
                .orElseThrow(() ->
                        new IllegalStateException(prefix + ".redis.url is required when " + prefix + ".kind is redis"));
        return new RedisStoreOptions(
                url,
                redis.keyPrefix().orElse(defaultKeyPrefix),
                redis.timeout().orElse(RedisStoreOptions.DEFAULT_TIMEOUT),
                redis.allowWeakDurability().orElse(false),
                redis.trustStore());
    }
}
