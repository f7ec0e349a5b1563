package org.callsign.signaling.signal.websocket;

import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.Frame;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.SignalError;

/**
 * The home node's side of a device connection that another node (the edge) holds: each message goes to the edge as a
 * numbered {@link Frame.Type#SEND} frame, and {@link #close} as a {@link Frame.Type#CLOSE}. Never blocks; a slow
 * device is the edge's to close ({@code too-slow}), which the home then learns as a {@link Frame.Type#CLOSED}.
 */
final class RemoteOutbox implements ConnectionOutbox {
    private final ClusterNode node;
    private final String edge;
    private final String link;
    private final ObjectWriter writer;
    private final Consumer<Throwable> failed;
    private final AtomicBoolean closing = new AtomicBoolean();
    private long seq; // guarded by this

    RemoteOutbox(ClusterNode node, String edge, String link, ObjectWriter writer, Consumer<Throwable> failed) {
        this.node = node;
        this.edge = edge;
        this.link = link;
        this.writer = writer;
        this.failed = failed;
    }

    @Override
    public boolean send(ServerMessage message) {
        if (closing.get()) {
            return false;
        }
        String text = WebSocketOutbox.json(writer, message);
        synchronized (this) {
            if (closing.get()) {
                return false;
            }
            node.send(edge, new Frame(Frame.Type.SEND, node.id(), link, ++seq, text), failed);
        }
        return true;
    }

    @Override
    public void close(SignalError reason, String message) {
        synchronized (this) {
            if (!closing.compareAndSet(false, true)) {
                return;
            }
            node.send(
                    edge, new Frame(Frame.Type.CLOSE, node.id(), link, ++seq, reason.code() + '\n' + message), failed);
        }
    }

    @Override
    public boolean isClosing() {
        return closing.get();
    }

    @Override
    public void closed() {
        closing.set(true);
    }

    /** The node that holds the connection. */
    String edge() {
        return edge;
    }
}
