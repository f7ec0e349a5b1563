package org.callsign.signaling.signal.websocket;

import org.callsign.signaling.signal.service.Line;

/**
 * What the server keeps of one open WebSocket connection: a few fields, no thread, so that many idle connections are
 * cheap.
 */
final class SignalConnection {
    private final String id;
    private final Admission admission;
    private final ConnectionOutbox outbox;
    private volatile Line line;
    private volatile long lastSeen = System.nanoTime();

    SignalConnection(String id, Admission admission, ConnectionOutbox outbox) {
        this.id = id;
        this.admission = admission;
        this.outbox = outbox;
    }

    /** The WebSocket connection's id. */
    String id() {
        return id;
    }

    String clientId() {
        return admission.clientId();
    }

    Admission admission() {
        return admission;
    }

    ConnectionOutbox outbox() {
        return outbox;
    }

    /** The device's line, or {@code null} until the connection is welcomed. */
    Line line() {
        return line;
    }

    void line(Line connected) {
        line = connected;
    }

    /** Something arrived (a message, a pong): the connection is alive. */
    void touch() {
        lastSeen = System.nanoTime();
    }

    /** Nanoseconds since anything arrived. */
    long silentFor(long now) {
        return now - lastSeen;
    }
}
