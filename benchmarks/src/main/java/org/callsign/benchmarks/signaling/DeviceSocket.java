package org.callsign.benchmarks.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One device's signaling connection, on the JDK's WebSocket client, to any {@link RelayTarget} (which opens it: with
 * a bearer token for signaling-server, the PeerJS query for the PeerJS server): messages parsed as they arrive and
 * handed to an {@link Inbox} with the time of arrival. The connection counts as open once the relay's greeting has
 * arrived. Sends are queued, since the JDK allows one outstanding send per WebSocket.
 */
final class DeviceSocket implements WebSocket.Listener {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where received messages go. */
    interface Inbox {
        void received(DeviceSocket socket, JsonNode message, long nanos);
    }

    private final BenchDevice device;
    private final RelayWire wire;
    private final Inbox inbox;
    private final CompletableFuture<Void> welcomed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);
    private long bytesReceived;

    private DeviceSocket(BenchDevice device, RelayWire wire, Inbox inbox) {
        this.device = device;
        this.wire = wire;
        this.inbox = inbox;
    }

    /** Opens the device's connection; the future completes when the relay's greeting has arrived. */
    static CompletableFuture<DeviceSocket> open(HttpClient http, RelayTarget relay, BenchDevice device, Inbox inbox) {
        DeviceSocket listener = new DeviceSocket(device, relay.wire(), inbox);
        return relay.connect(http, device, listener)
                .thenCompose(socket -> listener.welcomed.thenApply(ignored -> listener));
    }

    BenchDevice device() {
        return device;
    }

    /** Completes when the relay's greeting has arrived, or fails if the connection ends first. */
    CompletableFuture<Void> greeted() {
        return welcomed.copy();
    }

    /** Queues a text message; sends go out in order. */
    synchronized void send(String text) {
        lastSend = lastSend.thenCompose(ignored -> socket.sendText(text, true));
    }

    /** Bytes of text received so far. */
    synchronized long bytesReceived() {
        return bytesReceived;
    }

    /** Closes the connection normally. */
    void close() {
        synchronized (this) {
            lastSend = lastSend.thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        synchronized (this) {
            socket = webSocket;
        }
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            String text = partial.toString();
            partial.setLength(0);
            synchronized (this) {
                bytesReceived += text.getBytes(StandardCharsets.UTF_8).length;
            }
            try {
                JsonNode message = JSON.readTree(text);
                if (wire.opens(message)) {
                    welcomed.complete(null);
                }
                inbox.received(this, message, now);
            } catch (Exception e) {
                welcomed.completeExceptionally(e);
                throw new IllegalStateException("unreadable message from the server: " + text, e);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        welcomed.completeExceptionally(new IllegalStateException("closed: " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        welcomed.completeExceptionally(error);
    }
}
