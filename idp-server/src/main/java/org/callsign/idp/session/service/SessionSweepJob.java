package org.callsign.idp.session.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import org.callsign.idp.account.service.LoginThrottle;

/** Removes expired sessions and tokens from the store, and idle rate-limit entries from memory. */
@Singleton
public class SessionSweepJob {

    private final SessionService sessions;
    private final LoginThrottle throttle;

    SessionSweepJob(SessionService sessions, LoginThrottle throttle) {
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Scheduled(
            identity = "session-sweep",
            every = "${callsign.idp.sessions.sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        sessions.sweep();
        throttle.prune();
    }
}
