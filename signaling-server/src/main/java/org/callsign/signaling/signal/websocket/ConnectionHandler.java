package org.callsign.signaling.signal.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.callsign.server.limit.RetryAfter;
import org.callsign.server.store.StoreKind;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.signal.message.ClientMessage;
import org.callsign.signaling.signal.message.ErrorMessage;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.message.Welcome;
import org.callsign.signaling.signal.service.BlockingRequired;
import org.callsign.signaling.signal.service.Line;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;
import org.callsign.signaling.signal.service.SignalingService;
import org.callsign.signaling.token.service.TokenService;
import org.jboss.logging.Logger;

/**
 * What the signaling endpoint does with a connection: welcomes it as its device ({@link SignalingService#connect}),
 * reads each text message within the limits (size, rate, {@link ClientMessageReader}) and answers it with an
 * {@code ack}, a {@code pong} or a typed {@code error}; refuses binary frames; and lets the device's line hold its
 * messages when the connection closes. A bad message only ever gets its sender an error: nothing here closes a
 * connection for what another one did.
 */
@Singleton
class ConnectionHandler implements ConnectionEvents {
    private static final Logger LOG = Logger.getLogger(ConnectionHandler.class);

    private final SignalingService signaling;
    private final TokenService tokens;
    private final SignalConnections connections;
    private final MessageLimits limits;
    private final SignalingMetrics metrics;
    private final ClientMessageReader reader;
    private final ObjectWriter writer;
    private final int maxMessageBytes;
    private final int maxQueuedBytes;
    private final Welcome.Limits welcomeLimits;
    private final boolean inline;

    ConnectionHandler(
            SignalingService signaling,
            TokenService tokens,
            SignalConnections connections,
            MessageLimits limits,
            SignalingMetrics metrics,
            ObjectMapper mapper,
            SignalingConfig config,
            ClusterNode node) {
        this.signaling = signaling;
        this.tokens = tokens;
        this.connections = connections;
        this.limits = limits;
        this.metrics = metrics;
        SignalingConfig.WebSocket websocket = config.websocket();
        this.maxMessageBytes = websocket.maxMessageBytes();
        this.maxQueuedBytes = websocket.maxQueuedBytes();
        this.reader = new ClientMessageReader(maxMessageBytes);
        this.writer = mapper.writerFor(ServerMessage.class);
        this.welcomeLimits = new Welcome.Limits(maxMessageBytes, websocket.messagesPerSecond());
        this.inline = !node.enabled() && config.store().kind().orElse(StoreKind.EMBEDDED) == StoreKind.EMBEDDED;
    }

    /** The outbox of a new WebSocket connection on this node. */
    WebSocketOutbox outbox(WebSocketConnection connection) {
        return new WebSocketOutbox(connection, Vertx.currentContext(), writer, maxQueuedBytes);
    }

    /**
     * A device connection opened, on this node or forwarded from another ({@code id} is then the link's): it is
     * counted, checked and welcomed, or closed with the reason.
     */
    @Override
    public void open(String id, Admission admission, ConnectionOutbox outbox) {
        SignalConnection state = new SignalConnection(id, admission, outbox);
        if (!connections.open(state)) {
            outbox.close(SignalError.TOO_MANY_CONNECTIONS, "too many connections");
            return;
        }
        if (!tokens.isActive(admission.tokenKey())) {
            // Revoked between the upgrade and now; from now on a revocation finds the registered connection.
            outbox.close(SignalError.CREDENTIALS_REVOKED, "the connection's token was revoked");
            return;
        }
        try {
            state.line(signaling.connect(
                    admission.clientId(), admission.deviceId(), outbox, admission.resumeToken(), welcomeLimits));
        } catch (SignalingException e) {
            outbox.close(e.error(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("unexpected failure opening a signaling connection", e);
            outbox.close(SignalError.INTERNAL_ERROR, "internal error");
        }
    }

    /**
     * A text message, on the connection's event loop: read and counted here and, when every step of it is in memory
     * ({@link #inline}: a single node with the embedded store, and {@link SignalingService#relaysInMemory}), handled
     * here too. Otherwise returns the rest, which must run on a worker thread; {@code null} when nothing is left.
     */
    Runnable textOnEventLoop(String connection, String text) {
        if (!inline) {
            return () -> text(connection, text);
        }
        SignalConnection state = welcomed(connection);
        if (state == null) {
            return null;
        }
        ClientMessage message = read(state, text);
        if (message == null) {
            return null;
        }
        if (!signaling.relaysInMemory(message)) {
            return () -> answer(state, message);
        }
        try {
            answer(state, message);
            return null;
        } catch (BlockingRequired e) {
            return () -> answer(state, message);
        }
    }

    /** A text message, on a worker thread: read, counted, handled and answered. */
    @Override
    public void text(String connection, String text) {
        SignalConnection state = welcomed(connection);
        if (state != null) {
            ClientMessage message = read(state, text);
            if (message != null) {
                answer(state, message);
            }
        }
    }

    /**
     * Whether messages are read and, where {@link SignalingService#relaysInMemory} allows, handled on the event loop:
     * only on a single node with the embedded store, where lines, sessions and rate limits are in memory. On a cluster
     * relaying may write to Redis, and with the Redis store a line's greeting reads it under the line's monitor.
     */
    boolean inline() {
        return inline;
    }

    /** The connection's state, touched; {@code null} if it was refused at opening or is closing. */
    private SignalConnection welcomed(String connection) {
        Optional<SignalConnection> found = connections.get(connection);
        if (found.isEmpty() || found.get().line() == null) {
            return null;
        }
        SignalConnection state = found.get();
        state.touch();
        return state;
    }

    /** The message of {@code text} within the limits, or {@code null} when it was refused (the sender is told). */
    private ClientMessage read(SignalConnection state, String text) {
        String id = null;
        try {
            admit(state);
            if (tooLarge(text)) {
                throw new SignalingException(
                        SignalError.TOO_LARGE, "a message is at most " + maxMessageBytes + " bytes");
            }
            try {
                return reader.read(text);
            } catch (UnreadableMessage e) {
                id = e.messageId();
                throw e.refusal();
            }
        } catch (SignalingException e) {
            refuse(state, id, e);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure reading a signaling message", e);
            refuse(state, id, new SignalingException(SignalError.INTERNAL_ERROR, "internal error"));
        }
        return null;
    }

    /** Handles a message and answers it: {@code ack}, {@code pong} or {@code error}. */
    private void answer(SignalConnection state, ClientMessage message) {
        try {
            ServerMessage answer = signaling.receive(state.line(), state.outbox(), message);
            metrics.received(message);
            state.outbox().send(answer);
        } catch (SignalingException e) {
            refuse(state, message.id(), e);
        } catch (BlockingRequired e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("unexpected failure handling a signaling message", e);
            refuse(state, message.id(), new SignalingException(SignalError.INTERNAL_ERROR, "internal error"));
        }
    }

    @Override
    public void binary(String connection) {
        connections.get(connection).ifPresent(state -> {
            state.touch();
            try {
                admit(state);
                throw new SignalingException(
                        SignalError.INVALID_MESSAGE, "binary frames are not part of the protocol: send JSON as text");
            } catch (SignalingException e) {
                refuse(state, null, e);
            }
        });
    }

    @Override
    public void alive(String connection) {
        connections.get(connection).ifPresent(SignalConnection::touch);
    }

    @Override
    public void closed(String connection) {
        connections.remove(connection).ifPresent(state -> {
            state.outbox().closed();
            Line line = state.line();
            if (line != null) {
                signaling.disconnected(line, state.outbox());
            }
        });
    }

    /**
     * A failure of the connection itself (its own messages' failures are answered in {@link #text}): a message past
     * the hard cap ({@code quarkus.websockets-next.server.max-message-size}), which the WebSocket layer discards, closes
     * the connection as {@code too-large}; anything else is logged.
     */
    void failed(WebSocketConnection connection, Throwable failure) {
        Optional<SignalConnection> found = connections.get(connection.id());
        if (found.isPresent() && pastHardCap(failure)) {
            metrics.refused(SignalError.TOO_LARGE);
            found.get().outbox().close(SignalError.TOO_LARGE, "a message past the hard cap closes the connection");
            return;
        }
        LOG.debugf(failure, "signaling connection %s failed", connection.id());
    }

    /** Whether the WebSocket layer failed a connection for a message past its hard cap. */
    static boolean pastHardCap(Throwable failure) {
        return String.valueOf(failure.getMessage()).contains("max message size");
    }

    /** Counts the message against the connection's and the client's rate. */
    private void admit(SignalConnection state) {
        Optional<Duration> wait = limits.acquire(state);
        if (wait.isPresent()) {
            throw new RateLimited(wait.get());
        }
    }

    private void refuse(SignalConnection state, String id, SignalingException e) {
        metrics.refused(e.error());
        Long retryAfter = e instanceof RateLimited limited ? RetryAfter.seconds(limited.wait) : null;
        state.outbox().send(new ErrorMessage(id, e.error().code(), e.getMessage(), e.session(), retryAfter));
    }

    /** Whether {@code text} has more than {@code maxMessageBytes} bytes in UTF-8 (counted only as far as needed). */
    private boolean tooLarge(String text) {
        int length = text.length();
        if (length > maxMessageBytes || length * 3L <= maxMessageBytes) {
            return length > maxMessageBytes;
        }
        long bytes = 0;
        for (int i = 0; i < length && bytes <= maxMessageBytes; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                bytes += 2; // a surrogate pair is 4 bytes: 2 for each half
            } else {
                bytes += 3;
            }
        }
        return bytes > maxMessageBytes;
    }

    /** A refusal for the rate, with how long to wait. */
    private static final class RateLimited extends SignalingException {
        private static final long serialVersionUID = 1L;
        private final transient Duration wait;

        RateLimited(Duration wait) {
            super(SignalError.RATE_LIMITED, "too many messages: wait before sending again");
            this.wait = wait;
        }
    }
}
