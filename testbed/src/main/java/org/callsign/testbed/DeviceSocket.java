package org.callsign.testbed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A device's signaling connection ({@code wss://…/ws?device=<id>} with {@code Authorization: Bearer}) on the JDK's
 * WebSocket client, which answers the server's pings. Every JSON message received is queued; {@link #next} takes the
 * first of a type and keeps the others, in order, for later calls. One test thread reads it.
 */
public final class DeviceSocket implements WebSocket.Listener, AutoCloseable {
    /** What {@link #next(String)} waits by default. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    /** The close code recorded when the connection failed without a close frame (RFC 6455 §7.4.1). */
    public static final int ABNORMAL_CLOSURE = 1006;

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<JsonNode> skipped = new ArrayList<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    /** How the server closed the connection. */
    public record Closed(int code, String reason) {}

    private DeviceSocket() {}

    static DeviceSocket open(HttpClient http, URI uri, String bearerToken) {
        DeviceSocket device = new DeviceSocket();
        device.socket = http.newWebSocketBuilder()
                .connectTimeout(WAIT)
                .header("Authorization", ApiClient.bearer(bearerToken))
                .buildAsync(uri, device)
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        return device;
    }

    /** The next message of {@code type}, waiting at most {@link #WAIT}. */
    public JsonNode next(String type) {
        return next(type, WAIT);
    }

    /**
     * The first message of {@code type} not yet taken, waiting at most {@code timeout}; messages of other types are
     * kept for later calls. Fails with an {@link IllegalStateException} listing what came instead.
     */
    public JsonNode next(String type, Duration timeout) {
        for (Iterator<JsonNode> it = skipped.iterator(); it.hasNext(); ) {
            JsonNode message = it.next();
            if (type.equals(message.path("type").asText())) {
                it.remove();
                return message;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                JsonNode message = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (message == null) {
                    throw new IllegalStateException("no " + type + " within " + timeout + "; received instead: "
                            + skipped + (closed.isDone() ? "; closed " + closed.join() : ""));
                }
                if (type.equals(message.path("type").asText())) {
                    return message;
                }
                skipped.add(message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + type, e);
        }
    }

    /** Sends {@code message} as one text frame. */
    public void send(JsonNode message) {
        try {
            socket.sendText(ApiClient.JSON.writeValueAsString(message), true)
                    .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .join();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Completes when the server closes the connection. */
    public CompletableFuture<Closed> closed() {
        return closed;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                received.add(ApiClient.JSON.readTree(text));
            } catch (JsonProcessingException e) {
                received.add(ApiClient.JSON
                        .createObjectNode()
                        .put("type", "unparsable")
                        .put("text", text));
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(ABNORMAL_CLOSURE, String.valueOf(error)));
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // The connection is going anyway.
            }
        }
        socket.abort();
    }
}
