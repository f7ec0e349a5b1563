package org.callsign.idp.store;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.callsign.idp.config.IdpConfig;
import org.callsign.server.store.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Opens the store that {@code callsign.idp.store.kind} names at startup and closes it at shutdown: the embedded store
 * under {@code callsign.idp.data-dir} (the default), or Redis on {@code callsign.idp.store.redis.url}.
 */
@Dependent
public class StoreProducer {

    /** The IdP's store file in its data directory. */
    public static final String FILE_NAME = "idp.mv.db";

    /** The prefix of the server's Redis keys unless {@code callsign.idp.store.redis.key-prefix} says otherwise. */
    public static final String KEY_PREFIX = "callsign:idp:";

    private static final Logger LOG = Logger.getLogger(StoreProducer.class);

    @Produces
    @Singleton
    @Startup
    KeyValueStore store(IdpConfig config) {
        KeyValueStore store = config.store().open("callsign.idp.store", config.dataDir(), FILE_NAME, KEY_PREFIX);
        LOG.infof("store opened: %s", store);
        return store;
    }

    void close(@Disposes KeyValueStore store) {
        store.close();
    }
}
