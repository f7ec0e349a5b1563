package org.callsign.signaling.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A device's signaling connection for {@code @QuarkusTest}s, on the JDK's WebSocket client (which answers pings): sends
 * JSON messages and waits for the server's, by type, skipping none silently ({@link #next()} returns whatever came
 * first).
 */
public final class SignalingClient implements WebSocket.Listener, AutoCloseable {
    /** How long a test waits for a message or a close. */
    public static final Duration WAIT = Duration.ofSeconds(5);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger IDS = new AtomicInteger();

    private static final Set<String> ANSWERS = Set.of("ack", "pong", "error", "call-placed");

    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final Deque<JsonNode> pending = new ArrayDeque<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private volatile boolean reading = true;
    private JsonNode welcome;
    private JsonNode peers;

    /** How the server closed the connection. */
    public record Closed(int code, String reason) {}

    private SignalingClient() {}

    /** The signaling endpoint with {@code query} ({@code device=…}). */
    public static URI uri(String query) {
        return URI.create("ws://localhost:" + RestAssured.port + "/ws?" + query);
    }

    /**
     * Connects device {@code deviceId} with the token in {@code Authorization}, and waits for its greeting: the
     * welcome and, for a verified device, the peer list ({@link #welcome()}, {@link #peers()}).
     */
    public static SignalingClient connect(String token, String deviceId) {
        SignalingClient client = open(uri("device=" + deviceId), token, List.of());
        client.greeted();
        return client;
    }

    /** Connects with the token in {@code Authorization} (if not {@code null}) and the subprotocols offered. */
    public static SignalingClient open(URI uri, String token, List<String> subprotocols) {
        SignalingClient client = new SignalingClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(
                    subprotocols.get(0),
                    subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        client.socket = builder.buildAsync(uri, client)
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
        return client;
    }

    /** The subprotocol the server selected, or empty. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Waits for the welcome and, for a verified device, the peer list. */
    public SignalingClient greeted() {
        welcome = next("welcome");
        peers = welcome.path("device").path("verified").asBoolean() ? next("peers") : null;
        return this;
    }

    /** The welcome this connection was greeted with. */
    public JsonNode welcome() {
        return welcome;
    }

    /** The peer list this connection was greeted with, or {@code null} for an unverified device. */
    public JsonNode peers() {
        return peers;
    }

    /** A new message id. */
    public static String newId() {
        return "m" + IDS.incrementAndGet();
    }

    /** A message of {@code type} with version 1 and a new id, to fill in. */
    public static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type).put("v", 1).put("id", newId());
    }

    /** An empty JSON object, for the members of a message. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Sends a message; returns it. */
    public ObjectNode send(ObjectNode message) {
        sendText(message.toString());
        return message;
    }

    /**
     * Sends a message and returns the server's answer to it: the next {@code ack}, {@code pong} or {@code error}
     * (answers come in the order of the messages), which must carry the message's id unless the server did not read
     * that far. Other messages that arrive first stay for {@link #next()}, in order.
     */
    public JsonNode call(ObjectNode message) {
        send(message);
        List<JsonNode> before = new ArrayList<>();
        while (true) {
            JsonNode answer = next();
            if (ANSWERS.contains(answer.path("type").asText())) {
                if (answer.has("id")) {
                    assertEquals(message.path("id").asText(), answer.path("id").asText(), answer.toString());
                }
                for (int i = before.size() - 1; i >= 0; i--) {
                    pending.addFirst(before.get(i));
                }
                return answer;
            }
            before.add(answer);
        }
    }

    /** Sends raw text in one frame. */
    public void sendText(String text) {
        socket.sendText(text, true)
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** Sends a binary frame. */
    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true)
                .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                .join();
    }

    /** The next message, whatever it is. */
    public JsonNode next() {
        if (!pending.isEmpty()) {
            return pending.removeFirst();
        }
        try {
            JsonNode message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(message, "no message within " + WAIT);
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message, which must be of {@code type}. */
    public JsonNode next(String type) {
        JsonNode message = next();
        assertEquals(type, message.path("type").asText(), message.toString());
        return message;
    }

    /** The next message of {@code type}, skipping (and returning in {@code skipped}) others. */
    public JsonNode await(String type, List<JsonNode> skipped) {
        while (true) {
            JsonNode message = next();
            if (type.equals(message.path("type").asText())) {
                return message;
            }
            skipped.add(message);
        }
    }

    /** The next message of {@code type}, skipping others. */
    public JsonNode await(String type) {
        return await(type, new ArrayList<>());
    }

    /** Asserts that nothing arrives for {@code quiet}. */
    public void expectNothing(Duration quiet) {
        assertNull(pending.peekFirst());
        try {
            assertNull(messages.poll(quiet.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the server to close the connection. */
    public Closed awaitClose() {
        return awaitClose(WAIT);
    }

    /** Waits up to {@code timeout} for the server to close the connection. */
    public Closed awaitClose(Duration timeout) {
        return closed.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
    }

    /** Whether the connection was closed. */
    public boolean isClosed() {
        return closed.isDone();
    }

    /** Stops reading: the server's messages pile up in the network, and pings go unanswered. */
    public void stopReading() {
        reading = false;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the server sent invalid JSON", e);
            }
            partial.setLength(0);
        }
        if (reading) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(new Closed(-1, String.valueOf(error)));
    }

    /** Drops the connection without a closing handshake, as a lost network would. */
    public void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                    .orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)
                    .exceptionally(failure -> null)
                    .join();
        }
        socket.abort();
    }
}
