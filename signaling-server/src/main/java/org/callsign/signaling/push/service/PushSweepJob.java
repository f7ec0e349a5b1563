package org.callsign.signaling.push.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/** Removes expired push subscriptions from the store, every {@code tokens.sweep-interval} as tokens are. */
@Singleton
public class PushSweepJob {

    private final PushSubscriptions subscriptions;

    PushSweepJob(PushSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Scheduled(
            identity = "push-subscription-sweep",
            every = "${callsign.signaling.tokens.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        subscriptions.sweep();
    }
}
