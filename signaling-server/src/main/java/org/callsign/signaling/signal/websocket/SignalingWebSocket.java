package org.callsign.signaling.signal.websocket;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.callsign.signaling.signal.service.SignalError;

/**
 * The signaling endpoint (docs/protocol.md): a device's WebSocket connection, authenticated before the upgrade ({@link
 * UpgradeFilter}), carrying JSON messages in text frames. Thin: {@link ConnectionHandler} does the work, or, for a
 * client at home on another node of a cluster, {@link EdgeLinks} forwards the connection there. Callbacks of one
 * connection run one at a time, in order; an idle connection holds no thread. A text message is read on the
 * connection's event loop and, on a single node, relayed there when nothing it needs can block ({@link
 * ConnectionHandler#textOnEventLoop}); the rest, and every other callback but a pong's, runs on a worker thread. The
 * next message of the connection waits until the returned {@link Uni} completes, so a message handed to a worker is
 * never overtaken by a later one.
 */
@WebSocket(path = SignalingWebSocket.PATH, endpointId = SignalingWebSocket.ID)
public class SignalingWebSocket {
    /** Where devices connect. */
    public static final String PATH = "/ws";

    /** The endpoint's id, which the {@link AdmissionCheck} applies to. */
    public static final String ID = "callsign-signaling";

    private static final Uni<Void> DONE = Uni.createFrom().voidItem();

    private final ConnectionHandler handler;
    private final EdgeLinks edges;

    SignalingWebSocket(ConnectionHandler handler, EdgeLinks edges) {
        this.handler = handler;
        this.edges = edges;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        Admission admission = connection.userData().get(AdmissionCheck.ADMISSION);
        WebSocketOutbox outbox = handler.outbox(connection);
        if (admission == null) {
            outbox.close(SignalError.NOT_ALLOWED, "the connection was not admitted");
        } else if (!edges.forward(connection.id(), admission, outbox)) {
            handler.open(connection.id(), admission, outbox);
        }
    }

    @OnTextMessage
    Uni<Void> text(String message, WebSocketConnection connection) {
        String id = connection.id();
        Runnable rest = handler.inline()
                ? handler.textOnEventLoop(id, message)
                : () -> {
                    if (!edges.text(id, message)) {
                        handler.text(id, message);
                    }
                };
        return rest == null ? DONE : onWorker(rest);
    }

    /** {@code work} on a worker thread; the {@link Uni} completes when it is done. */
    private static Uni<Void> onWorker(Runnable work) {
        Future<Void> done = Vertx.currentContext()
                .executeBlocking(
                        () -> {
                            work.run();
                            return null;
                        },
                        false);
        return Uni.createFrom().completionStage(done.toCompletionStage());
    }

    @OnBinaryMessage
    void binary(Buffer message, WebSocketConnection connection) {
        if (!edges.binary(connection.id())) {
            handler.binary(connection.id());
        }
    }

    /**
     * A pong, on the connection's event loop: it only marks the connection alive (or forwards that to the home node,
     * which publishes without waiting), so it needs no worker thread; with a ping to every connection each heartbeat,
     * 10,000 connections send 400 pongs a second.
     */
    @OnPongMessage
    @NonBlocking
    void pong(Buffer data, WebSocketConnection connection) {
        if (!edges.alive(connection.id())) {
            handler.alive(connection.id());
        }
    }

    @OnClose
    void close(WebSocketConnection connection) {
        if (!edges.closed(connection.id())) {
            handler.closed(connection.id());
        }
    }

    @OnError
    void error(Throwable failure, WebSocketConnection connection) {
        if (!edges.failed(connection.id(), failure)) {
            handler.failed(connection, failure);
        }
    }
}
