package org.callsign.idp.store;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.callsign.idp.config.IdpConfig;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.MvStoreKeyValueStore;
import org.jboss.logging.Logger;

/** Opens the embedded store under {@code callsign.idp.data-dir} at startup and closes it at shutdown. */
@Dependent
public class StoreProducer {

    /** The IdP's store file in its data directory. */
    public static final String FILE_NAME = "idp.mv.db";

    private static final Logger LOG = Logger.getLogger(StoreProducer.class);

    @Produces
    @Singleton
    @Startup
    KeyValueStore store(IdpConfig config) {
        MvStoreKeyValueStore store = MvStoreKeyValueStore.open(config.dataDir(), FILE_NAME);
        LOG.infof("store opened at %s", store.file().toAbsolutePath().normalize());
        return store;
    }

    void close(@Disposes KeyValueStore store) {
        store.close();
    }
}
