package org.callsign.idp.store;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.callsign.idp.config.IdpConfig;
import org.jboss.logging.Logger;

/** Opens the embedded store under {@code callsign.idp.data-dir} at startup and closes it at shutdown. */
@Dependent
public class StoreProducer {

    private static final Logger LOG = Logger.getLogger(StoreProducer.class);

    @Produces
    @Singleton
    @Startup
    KeyValueStore store(IdpConfig config) {
        MvStoreKeyValueStore store = MvStoreKeyValueStore.open(config.dataDir());
        LOG.infof("store opened at %s", store.file().toAbsolutePath().normalize());
        return store;
    }

    void close(@Disposes KeyValueStore store) {
        store.close();
    }
}
