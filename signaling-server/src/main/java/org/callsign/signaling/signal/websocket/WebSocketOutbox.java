package org.callsign.signaling.signal.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.callsign.signaling.signal.message.ErrorMessage;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.SignalError;
import org.jboss.logging.Logger;

/**
 * The server's side of one WebSocket connection as an {@link Outbox}. Never blocks: a message is written as JSON and
 * handed to Vert.x, which keeps the order in which messages were handed over, whatever thread hands them. On the
 * connection's own event loop it is written at once, and while that loop is reading the connection's frames it is
 * flushed when the read is done, so the answers to frames that arrived together leave in one write; from any other
 * thread it is queued on that event loop, and the frames queued together are flushed together. At most {@code
 * maxQueuedBytes} (counted in characters) wait to be written; a connection further behind is a slow consumer and is
 * closed as {@code too-slow}. A closing connection takes nothing more.
 */
final class WebSocketOutbox implements ConnectionOutbox {
    private static final Logger LOG = Logger.getLogger(WebSocketOutbox.class);

    /** Close codes are 4000 plus the HTTP status of the error (4409 {@code replaced}); the reason is its code. */
    static final int CLOSE_CODE_BASE = 4000;

    private final WebSocketConnection connection;
    private final Context context;
    private final ObjectWriter writer;
    private final long maxQueued;
    private final AtomicLong queued = new AtomicLong();
    private final AtomicBoolean closing = new AtomicBoolean();

    WebSocketOutbox(WebSocketConnection connection, Context context, ObjectWriter writer, long maxQueued) {
        this.connection = connection;
        this.context = context;
        this.writer = writer;
        this.maxQueued = maxQueued;
    }

    @Override
    public boolean send(ServerMessage message) {
        return !closing.get() && sendText(json(message));
    }

    /** Sends a message already written as JSON (one forwarded from the device's home node). */
    boolean sendText(String text) {
        if (closing.get()) {
            return false;
        }
        long size = text.length();
        if (queued.addAndGet(size) > maxQueued) {
            queued.addAndGet(-size);
            close(SignalError.TOO_SLOW, "the connection fell too far behind");
            return false;
        }
        connection.sendText(text).subscribe().with(done -> queued.addAndGet(-size), failure -> queued.addAndGet(-size));
        return true;
    }

    @Override
    public void close(SignalError reason, String message) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        CloseReason close = new CloseReason(CLOSE_CODE_BASE + reason.status(), reason.code());
        String farewell = reason == SignalError.TOO_SLOW
                ? null
                : json(new ErrorMessage(null, reason.code(), message, null, null));
        context.runOnContext(ignored -> {
            if (farewell == null) {
                closeNow(close);
            } else {
                connection.sendText(farewell).subscribe().with(done -> closeNow(close), failure -> closeNow(close));
            }
        });
    }

    @Override
    public boolean isClosing() {
        return closing.get();
    }

    @Override
    public void closed() {
        closing.set(true);
    }

    /** Characters waiting to be written. */
    long queued() {
        return queued.get();
    }

    private void closeNow(CloseReason reason) {
        if (connection.isOpen()) {
            connection.close(reason).subscribe().with(done -> {}, failure -> LOG.debugf(failure, "close failed"));
        }
    }

    private String json(ServerMessage message) {
        return json(writer, message);
    }

    /** {@code message} as JSON text: it always can be, being one of the protocol's records. */
    static String json(ObjectWriter writer, ServerMessage message) {
        try {
            return writer.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write a " + message.getClass().getSimpleName(), e);
        }
    }
}
