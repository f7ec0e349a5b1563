package org.callsign.signaling.signal.websocket;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.callsign.server.limit.RequestRateLimiter;
import org.callsign.signaling.config.SignalingConfig;

/**
 * Token buckets on what devices send: {@code websocket.messages-per-second} per connection and
 * {@code websocket.client-messages-per-second} for all of a client's connections together, each in bursts of as many.
 * So a flooding device is refused on its own connection and cannot use up more than its client's share. In memory.
 */
@Singleton
class MessageLimits {
    private static final Duration SECOND = Duration.ofSeconds(1);

    private final RequestRateLimiter perConnection;
    private final RequestRateLimiter perClient;

    MessageLimits(SignalingConfig config, Clock clock) {
        this.perConnection = new RequestRateLimiter(config.websocket().messagesPerSecond(), SECOND, clock);
        this.perClient = new RequestRateLimiter(config.websocket().clientMessagesPerSecond(), SECOND, clock);
    }

    /** Takes one message from the connection's and the client's buckets; empty if allowed, else how long to wait. */
    Optional<Duration> acquire(SignalConnection connection) {
        Optional<Duration> wait = perConnection.acquire(connection.id());
        return wait.isPresent() ? wait : perClient.acquire(connection.clientId());
    }

    /** Drops the buckets that have refilled; returns how many. */
    int prune() {
        return perConnection.prune() + perClient.prune();
    }
}
