package org.callsign.signaling.signal.websocket;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.token.service.TokenRevoked;

/**
 * The open WebSocket connections of this process, counted per client and in all against
 * {@code websocket.max-connections-per-client} and {@code websocket.max-connections}. Closes the connections of a
 * revoked token, and those silent for too long.
 */
@Singleton
class SignalConnections {
    private final ConcurrentHashMap<String, SignalConnection> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final int maxPerClient;
    private final int max;

    SignalConnections(SignalingConfig config) {
        this.maxPerClient = config.websocket().maxConnectionsPerClient();
        this.max = config.websocket().maxConnections();
    }

    /** Whether a connection of {@code clientId} would be let in now (checked before the upgrade). */
    boolean hasRoom(String clientId) {
        AtomicInteger count = perClient.get(clientId);
        return total.get() < max && (count == null || count.get() < maxPerClient);
    }

    /** Counts and registers a connection; false, and nothing counted, if a limit is reached. */
    boolean open(SignalConnection connection) {
        if (total.incrementAndGet() > max) {
            total.decrementAndGet();
            return false;
        }
        boolean[] admitted = {false};
        perClient.compute(connection.clientId(), (client, count) -> {
            AtomicInteger counted = count != null ? count : new AtomicInteger();
            admitted[0] = counted.get() < maxPerClient;
            if (admitted[0]) {
                counted.incrementAndGet();
            }
            return counted.get() == 0 ? null : counted;
        });
        if (!admitted[0]) {
            total.decrementAndGet();
            return false;
        }
        byId.put(connection.id(), connection);
        return true;
    }

    /** Forgets a closed connection; empty if it was never registered or already forgotten. */
    Optional<SignalConnection> remove(String id) {
        SignalConnection connection = byId.remove(id);
        if (connection == null) {
            return Optional.empty();
        }
        total.decrementAndGet();
        perClient.computeIfPresent(
                connection.clientId(), (client, count) -> count.decrementAndGet() == 0 ? null : count);
        return Optional.of(connection);
    }

    /** The open connection of that id. */
    Optional<SignalConnection> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Number of open connections. */
    int size() {
        return byId.size();
    }

    /** Closes the connections that received nothing (not even a pong) for {@code maxSilenceNanos}; returns how many. */
    int closeSilent(long maxSilenceNanos) {
        long now = System.nanoTime();
        int closed = 0;
        for (SignalConnection connection : byId.values()) {
            if (connection.silentFor(now) > maxSilenceNanos
                    && !connection.outbox().isClosing()) {
                connection.outbox().close(SignalError.HEARTBEAT_TIMEOUT, "nothing arrived for too long");
                closed++;
            }
        }
        return closed;
    }

    /** Closes every connection, telling why; returns how many. */
    int closeAll(SignalError reason, String message) {
        int closed = 0;
        for (SignalConnection connection : byId.values()) {
            if (!connection.outbox().isClosing()) {
                connection.outbox().close(reason, message);
                closed++;
            }
        }
        return closed;
    }

    /** A token was revoked: the connections it opened close. */
    public void onTokenRevoked(@Observes TokenRevoked revoked) {
        for (SignalConnection connection : byId.values()) {
            if (connection.admission().tokenKey().equals(revoked.key())) {
                connection.outbox().close(SignalError.CREDENTIALS_REVOKED, "the connection's token was revoked");
            }
        }
    }
}
