package org.callsign.server.store;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Readiness of a service's {@link KeyValueStore}: one read of a key nobody writes. A store that fails or does not
 * answer (a Redis server down, paused or unreachable) makes the check {@code store} down, with the reason, so that a
 * load balancer sends nobody to the service. Each service registers it as a {@code @Readiness} bean.
 */
public class StoreReadiness implements HealthCheck {
    /** The name of the check. */
    public static final String CHECK = "store";

    private final KeyValueStore store;

    protected StoreReadiness(KeyValueStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.get("health", "probe");
            return HealthCheckResponse.up(CHECK);
        } catch (StoreException e) {
            return HealthCheckResponse.named(CHECK)
                    .down()
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
