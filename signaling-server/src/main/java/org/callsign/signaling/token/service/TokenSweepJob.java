package org.callsign.signaling.token.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import org.callsign.signaling.auth.service.CredentialThrottle;

/** Removes expired tokens from the store, and idle rate-limit entries from memory. */
@Singleton
public class TokenSweepJob {

    private final TokenService tokens;
    private final CredentialThrottle throttle;

    TokenSweepJob(TokenService tokens, CredentialThrottle throttle) {
        this.tokens = tokens;
        this.throttle = throttle;
    }

    @Scheduled(
            identity = "token-sweep",
            every = "${callsign.signaling.tokens.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        tokens.sweep();
        throttle.prune();
    }
}
