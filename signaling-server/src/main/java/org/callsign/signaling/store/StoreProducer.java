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
 * Opens the embedded store, server-kit's {@link MvStoreKeyValueStore}, under {@code callsign.signaling.data-dir} at
 * startup and closes it at shutdown. Every write is committed and fsynced before it returns (kill -9 safe).
 */
@Dependent
public class StoreProducer {

    /** The signaling server's store file in its data directory. */
    public static final String FILE_NAME = "signaling.mv.db";

    private static final Logger LOG = Logger.getLogger(StoreProducer.class);

    @Produces
    @Singleton
    @Startup
    KeyValueStore store(SignalingConfig config) {
        MvStoreKeyValueStore store = MvStoreKeyValueStore.open(config.dataDir(), FILE_NAME);
        LOG.infof("store opened at %s", store.file().toAbsolutePath().normalize());
        return store;
    }

    void close(@Disposes KeyValueStore store) {
        store.close();
    }
}
