package org.callsign.wellknown.fetch;

import java.net.Socket;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;

/**
 * Idle persistent connections (RFC 9112 §9.3) of one {@link DefaultFetcher}, so that a second request to the
 * same origin (an IdP's script, then its JWKS) skips the TCP and TLS handshakes. A connection is kept only
 * after a response whose end was framed by {@code Content-Length} or chunking and that did not ask to close;
 * it is handed out to one request at a time, most recently used first, and closed once idle for the
 * keep-alive time or when the pool is full. Keys are the scheme, host and port of the URI, so a connection
 * only ever serves the origin it was opened, address-checked and TLS-verified for.
 */
final class ConnectionPool {
    /** The origin a connection serves. */
    record Key(boolean tls, String host, int port) {}

    private record Idle(Key key, Socket socket, long sinceNanos) {}

    private final int maxIdle;
    private final long keepAliveNanos;
    private final LinkedList<Idle> idle = new LinkedList<>();

    ConnectionPool(int maxIdle, long keepAliveNanos) {
        this.maxIdle = maxIdle;
        this.keepAliveNanos = keepAliveNanos;
    }

    /** An idle connection to {@code key}'s origin, or {@code null}. */
    Socket take(Key key) {
        List<Socket> expired = new ArrayList<>();
        Socket found = null;
        synchronized (this) {
            long now = System.nanoTime();
            Iterator<Idle> it = idle.descendingIterator();
            while (it.hasNext()) {
                Idle entry = it.next();
                if (now - entry.sinceNanos() >= keepAliveNanos || entry.socket().isClosed()) {
                    it.remove();
                    expired.add(entry.socket());
                } else if (found == null && entry.key().equals(key)) {
                    it.remove();
                    found = entry.socket();
                }
            }
        }
        expired.forEach(Connector::closeQuietly);
        return found;
    }

    /** Keeps {@code socket} for a later request to {@code key}'s origin, or closes it if the pool is off. */
    void offer(Key key, Socket socket) {
        Socket evicted = socket;
        if (maxIdle > 0) {
            synchronized (this) {
                idle.addLast(new Idle(key, socket, System.nanoTime()));
                evicted = idle.size() > maxIdle ? idle.removeFirst().socket() : null;
            }
        }
        if (evicted != null) {
            Connector.closeQuietly(evicted);
        }
    }

    /** How many connections are idle now. */
    synchronized int idleCount() {
        return idle.size();
    }

    /** Closes every idle connection. */
    void closeAll() {
        List<Idle> all;
        synchronized (this) {
            all = new ArrayList<>(idle);
            idle.clear();
        }
        all.forEach(entry -> Connector.closeQuietly(entry.socket()));
    }
}
