package org.callsign.signaling.store;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.MvStoreKeyValueStore;
import org.callsign.signaling.config.SignalingConfig;
import org.jboss.logging.Logger;

/**
 * Opens the store that {@code callsign.signaling.store.kind} names at startup and closes it at shutdown: server-kit's
 * {@link MvStoreKeyValueStore} under {@code callsign.signaling.data-dir} (the default), or its {@code
 * RedisKeyValueStore} on {@code callsign.signaling.store.redis.url}. Either way every write is durable when it returns
 * (kill -9 safe): the Redis store refuses a server that does not fsync every write, unless told otherwise.
 */
@Dependent
public class StoreProducer {

    /** The signaling server's store file in its data directory. */
    public static final String FILE_NAME = "signaling.mv.db";

    /** The prefix of the server's Redis keys unless {@code callsign.signaling.store.redis.key-prefix} says otherwise. */
    public static final String KEY_PREFIX = "callsign:signaling:";

    private static final Logger LOG = Logger.getLogger(StoreProducer.class);

    @Produces
    @Singleton
    @Startup
    KeyValueStore store(SignalingConfig config) {
        KeyValueStore store = config.store().open("callsign.signaling.store", config.dataDir(), FILE_NAME, KEY_PREFIX);
        LOG.infof("store opened: %s", store);
        return store;
    }

    void close(@Disposes KeyValueStore store) {
        store.close();
    }
}
