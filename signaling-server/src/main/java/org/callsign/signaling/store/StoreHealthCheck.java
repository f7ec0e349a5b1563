package org.callsign.signaling.store;

import jakarta.enterprise.context.ApplicationScoped;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.StoreException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: the store answers a read. A closed or broken store takes the server out of rotation. */
@Readiness
@ApplicationScoped
public class StoreHealthCheck implements HealthCheck {

    private final KeyValueStore store;

    StoreHealthCheck(KeyValueStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.get("health", "probe");
            return HealthCheckResponse.up("store");
        } catch (StoreException e) {
            return HealthCheckResponse.named("store")
                    .down()
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
