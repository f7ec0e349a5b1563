package org.callsign.testbed.firefox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebDriver BiDi connection (W3C WebDriver BiDi §5, commands and their results over a WebSocket) to a browser: send a
 * command, wait for the result of the same id. Events are ignored: the tests ask for what they need.
 */
final class BiDiConnection implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private BiDiConnection(HttpClient http, URI uri) throws IOException, InterruptedException {
        try {
            this.socket = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(uri, new Listener())
                    .get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot open WebDriver BiDi at " + uri, e);
        }
    }

    /** Connects to {@code ws://127.0.0.1:<port>/session}, the address the browser printed. */
    static BiDiConnection open(URI uri) throws IOException, InterruptedException {
        return new BiDiConnection(HttpClient.newHttpClient(), uri);
    }

    /** Sends {@code method} with {@code params} and returns its {@code result}; an error answer throws. */
    JsonNode call(String method, ObjectNode params, Duration timeout) throws IOException, InterruptedException {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        socket.sendText(JSON.writeValueAsString(command), true);
        try {
            JsonNode message = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if ("error".equals(message.path("type").asText())) {
                throw new IOException(
                        method + " failed: " + message.path("error").asText() + ": "
                                + message.path("message").asText());
            }
            return message.path("result");
        } catch (ExecutionException e) {
            throw new IOException(method + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException(method + " had no answer within " + timeout);
        } finally {
            pending.remove(id);
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() {
        socket.abort();
        pending.values().forEach(f -> f.completeExceptionally(new IOException("connection closed")));
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    JsonNode node = JSON.readTree(message);
                    CompletableFuture<JsonNode> answer =
                            node.has("id") ? pending.get(node.path("id").asInt()) : null;
                    if (answer != null) {
                        answer.complete(node);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }
    }
}
