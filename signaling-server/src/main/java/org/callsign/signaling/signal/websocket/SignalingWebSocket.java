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

/**
 * The signaling endpoint (docs/protocol.md): a device's WebSocket connection, authenticated before the upgrade
 * ({@link UpgradeFilter}), carrying JSON messages in text frames. Thin: {@link ConnectionHandler} does the work.
 * Callbacks of one connection run one at a time, on worker threads; an idle connection holds no thread.
 */
@WebSocket(path = SignalingWebSocket.PATH, endpointId = SignalingWebSocket.ID)
public class SignalingWebSocket {
    /** Where devices connect. */
    public static final String PATH = "/ws";

    /** The endpoint's id, which the {@link AdmissionCheck} applies to. */
    public static final String ID = "callsign-signaling";

    private final ConnectionHandler handler;

    SignalingWebSocket(ConnectionHandler handler) {
        this.handler = handler;
    }

    @OnOpen
    void open(WebSocketConnection connection) {
        handler.open(connection);
    }

    @OnTextMessage
    void text(String message, WebSocketConnection connection) {
        handler.text(connection, message);
    }

    @OnBinaryMessage
    void binary(Buffer message, WebSocketConnection connection) {
        handler.binary(connection);
    }

    @OnPongMessage
    void pong(Buffer data, WebSocketConnection connection) {
        handler.alive(connection);
    }

    @OnClose
    void close(WebSocketConnection connection) {
        handler.closed(connection);
    }

    @OnError
    void error(Throwable failure, WebSocketConnection connection) {
        handler.failed(connection, failure);
    }
}
