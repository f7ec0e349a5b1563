package org.callsign.idp.upstream.store;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Upstream logins waiting for their callback, by {@code state}, in memory (per IdP process, lost on restart: a user
 * then starts again). {@link #take} removes the entry, so each {@code state} is good for one callback.
 */
@Singleton
public class PendingLoginStore {

    /** The most logins that may wait at once; anonymous visitors start them, so the map is bounded. */
    public static final int MAX_PENDING = 10_000;

    private final Map<String, PendingLogin> pending = new ConcurrentHashMap<>();

    /** Keeps {@code login} under {@code state}; false if too many are waiting, even after expired ones are dropped. */
    public boolean put(String state, PendingLogin login, Instant now) {
        if (pending.size() >= MAX_PENDING) {
            pending.values().removeIf(entry -> !entry.expires().isAfter(now));
            if (pending.size() >= MAX_PENDING) {
                return false;
            }
        }
        pending.put(state, login);
        return true;
    }

    /** Removes and returns the login of {@code state}, if one waits and has not expired. */
    public Optional<PendingLogin> take(String state, Instant now) {
        PendingLogin login = state == null ? null : pending.remove(state);
        return Optional.ofNullable(login).filter(entry -> entry.expires().isAfter(now));
    }
}
