package org.callsign.signaling.signal.websocket;

import io.quarkus.websockets.next.OnBinaryMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.buffer.Buffer;
import org.callsign.signaling.signal.service.SignalError;

/**
 * The signaling endpoint (docs/protocol.md): a device's WebSocket connection, authenticated before the upgrade
 * ({@link UpgradeFilter}), carrying JSON messages in text frames. Thin: {@link ConnectionHandler} does the work, or,
 * for a client at home on another node of a cluster, {@link EdgeLinks} forwards the connection there.
 * Callbacks of one connection run one at a time, on worker threads; an idle connection holds no thread.
 */
@WebSocket(path = SignalingWebSocket.PATH, endpointId = SignalingWebSocket.ID)
public class SignalingWebSocket {
    /** Where devices connect. */
    public static final String PATH = "/ws";

    /** The endpoint's id, which the {@link AdmissionCheck} applies to. */
    public static final String ID = "callsign-signaling";

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
    void text(String message, WebSocketConnection connection) {
        if (!edges.text(connection.id(), message)) {
            handler.text(connection.id(), message);
        }
    }

    @OnBinaryMessage
    void binary(Buffer message, WebSocketConnection connection) {
        if (!edges.binary(connection.id())) {
            handler.binary(connection.id());
        }
    }

    @OnPongMessage
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
