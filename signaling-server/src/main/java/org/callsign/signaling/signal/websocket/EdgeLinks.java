package org.callsign.signaling.signal.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.server.store.StoreException;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.Frame;
import org.callsign.signaling.signal.service.SignalError;
import org.jboss.logging.Logger;

/**
 * The edge node's side of device connections whose client is at home on another node: what the device sends goes to
 * the home as numbered frames, and what the home sends comes back to the WebSocket, in order. If a frame from the home
 * is missing, the home node dies, frames may have been lost, or this node was fenced, the connection closes as {@code
 * node-lost}, and the device reconnects and resumes (docs/protocol.md). Off unless the cluster is on.
 */
@Singleton
@Startup
class EdgeLinks {
    private static final Logger LOG = Logger.getLogger(EdgeLinks.class);

    private final ClusterNode node;
    private final ObjectMapper mapper;
    private final ConcurrentHashMap<String, Link> byConnection = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Link> byLink = new ConcurrentHashMap<>();

    EdgeLinks(ClusterNode node, ObjectMapper mapper) {
        this.node = node;
        this.mapper = mapper;
        if (!node.enabled()) {
            return;
        }
        node.handle(Frame.Type.SEND, this::fromHome);
        node.handle(Frame.Type.CLOSE, this::fromHome);
        node.onNodeLost(home -> List.copyOf(byLink.values()).stream()
                .filter(link -> link.home.equals(home))
                .forEach(link -> lose(link, "the server node that held this connection's signaling is gone")));
        String interrupted = "signaling between server nodes was interrupted: reconnect";
        node.onLinksLost(() -> List.copyOf(byLink.values()).forEach(link -> lose(link, interrupted)));
        node.onFenced(() -> List.copyOf(byLink.values()).forEach(link -> lose(link, interrupted)));
        node.watch(() -> byLink.values().stream().map(link -> link.home).toList());
    }

    /**
     * Forwards a new connection to its client's home if that is another node; returns {@code false} if the connection
     * is this node's to handle.
     */
    boolean forward(String connection, Admission admission, WebSocketOutbox outbox) {
        if (!node.enabled()) {
            return false;
        }
        String home;
        try {
            home = node.homeOf(admission.clientId());
        } catch (StoreException e) {
            LOG.warnf("cannot find the home of client %s: %s", admission.clientId(), e.getMessage());
            outbox.close(SignalError.NODE_LOST, "the server cannot reach its cluster: reconnect later");
            return true;
        }
        if (home.equals(node.id())) {
            return false;
        }
        Link link = new Link(node.id() + "." + connection, home, outbox);
        byConnection.put(connection, link);
        byLink.put(link.id, link);
        ObjectNode json = mapper.createObjectNode()
                .put("client", admission.clientId())
                .put("token", admission.tokenKey())
                .put("device", admission.deviceId())
                .put("resume", admission.resumeToken());
        toHome(link, Frame.Type.OPEN, json.toString());
        return true;
    }

    /** Forwards a text message; {@code false} if the connection is not forwarded. */
    boolean text(String connection, String text) {
        return forwardFrame(connection, Frame.Type.TEXT, text);
    }

    /** Forwards a binary frame (the home refuses it); {@code false} if the connection is not forwarded. */
    boolean binary(String connection) {
        return forwardFrame(connection, Frame.Type.BINARY, "");
    }

    /** Forwards a pong; {@code false} if the connection is not forwarded. */
    boolean alive(String connection) {
        return forwardFrame(connection, Frame.Type.ALIVE, "");
    }

    /** The connection closed: the home learns it; {@code false} if it was not forwarded. */
    boolean closed(String connection) {
        Link link = byConnection.remove(connection);
        if (link == null) {
            return false;
        }
        byLink.remove(link.id, link);
        link.outbox.closed();
        toHome(link, Frame.Type.CLOSED, "");
        return true;
    }

    /** A failure of a forwarded connection; {@code false} if it is not forwarded. */
    boolean failed(String connection, Throwable failure) {
        Link link = byConnection.get(connection);
        if (link == null) {
            return false;
        }
        if (ConnectionHandler.pastHardCap(failure)) {
            link.outbox.close(SignalError.TOO_LARGE, "a message past the hard cap closes the connection");
        }
        return true;
    }

    /** Number of connections forwarded from here. */
    int size() {
        return byLink.size();
    }

    private boolean forwardFrame(String connection, Frame.Type type, String payload) {
        Link link = byConnection.get(connection);
        if (link == null) {
            return false;
        }
        toHome(link, type, payload);
        return true;
    }

    private void toHome(Link link, Frame.Type type, String payload) {
        synchronized (link) {
            node.send(link.home, new Frame(type, node.id(), link.id, ++link.sent, payload), failure -> {
                LOG.warnf("could not forward to node %s: %s", link.home, failure.getMessage());
                lose(link, "signaling between server nodes failed: reconnect");
            });
        }
    }

    /** On the bus's event loop: a frame from the home, in order, or the link ends. */
    private void fromHome(Frame frame) {
        Link link = byLink.get(frame.link());
        if (link == null) {
            return; // closed here meanwhile
        }
        if (frame.type() == Frame.Type.CLOSE) {
            String payload = frame.payload();
            int lineBreak = payload.indexOf('\n');
            SignalError error = lineBreak < 0 ? null : SignalError.byCode(payload.substring(0, lineBreak));
            link.outbox.close(
                    error != null ? error : SignalError.NODE_LOST,
                    lineBreak < 0 ? "the server closed the connection" : payload.substring(lineBreak + 1));
            return;
        }
        if (frame.seq() != link.received + 1) {
            LOG.warnf("frames from node %s were lost: ending a forwarded connection", link.home);
            lose(link, "signaling between server nodes was interrupted: reconnect");
            return;
        }
        link.received = frame.seq();
        link.outbox.sendText(frame.payload());
    }

    /** Closes the device's connection as {@code node-lost}; closing it tells the home, if it can still be told. */
    private void lose(Link link, String reason) {
        link.outbox.close(SignalError.NODE_LOST, reason);
    }

    /** One forwarded connection. */
    private static final class Link {
        final String id;
        final String home;
        final WebSocketOutbox outbox;
        long sent; // guarded by this
        long received; // touched only on the bus's event loop

        Link(String id, String home, WebSocketOutbox outbox) {
            this.id = id;
            this.home = home;
            this.outbox = outbox;
        }
    }
}
