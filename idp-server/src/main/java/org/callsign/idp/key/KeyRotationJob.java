package org.callsign.idp.key;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/**
 * Checks every {@code callsign.idp.keys.check-interval} whether the current key is due for rotation and whether
 * retired keys can go. A check, not a timer per rotation, so that restarts never postpone a rotation.
 */
@Singleton
public class KeyRotationJob {

    private final KeyService keys;

    KeyRotationJob(KeyService keys) {
        this.keys = keys;
    }

    @Scheduled(
            identity = "signing-key-maintenance",
            every = "${callsign.idp.keys.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        keys.maintain();
    }
}
