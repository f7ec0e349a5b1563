package org.callsign.idp.store;

import jakarta.inject.Singleton;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.StoreReadiness;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the store answers a read. A closed or broken store takes the IdP out of rotation. */
@Readiness
@Singleton
public class StoreHealthCheck extends StoreReadiness {

    StoreHealthCheck(KeyValueStore store) {
        super(store);
    }
}
