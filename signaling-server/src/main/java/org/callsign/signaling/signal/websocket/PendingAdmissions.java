package org.callsign.signaling.signal.websocket;

import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Admissions on their way from the {@link UpgradeFilter}, which decides them before the upgrade, to the
 * {@link AdmissionCheck}, which hands them to the connection. Keyed by the request object itself; an entry lives
 * microseconds, and one whose upgrade never happened is purged after {@link #MAX_AGE_SECONDS}.
 */
@Singleton
class PendingAdmissions {
    static final long MAX_AGE_SECONDS = 10;

    private record Pending(Admission admission, long since) {}

    private final ConcurrentHashMap<HttpServerRequest, Pending> pending = new ConcurrentHashMap<>();

    void put(HttpServerRequest request, Admission admission) {
        pending.put(request, new Pending(admission, System.nanoTime()));
    }

    /** The admission of {@code request}, removed; {@code null} if there is none. */
    Admission take(HttpServerRequest request) {
        Pending found = pending.remove(request);
        return found == null ? null : found.admission();
    }

    /** Drops entries older than {@link #MAX_AGE_SECONDS}; returns how many. */
    int purge() {
        long oldest = System.nanoTime() - TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS);
        int before = pending.size();
        pending.values().removeIf(entry -> entry.since() - oldest < 0);
        return before - pending.size();
    }
}
