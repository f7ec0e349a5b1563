package org.callsign.idp.key;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.callsign.idp.config.IdpConfig;
import org.callsign.server.store.KeyValueStore;

/** Makes the {@link KeyService} at startup, so that keys exist (and are generated on first start) before any request. */
@Dependent
public class KeyServiceProducer {

    @Produces
    @Singleton
    @Startup
    KeyService keyService(KeyValueStore store, IdpConfig config, Clock clock) {
        return new KeyService(new SigningKeyStore(store), KeyPolicy.from(config), clock);
    }
}
