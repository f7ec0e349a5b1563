package org.callsign.benchmarks.calls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/** JSON over HTTPS to one service's public API, by IP, on the JDK's client; an unexpected status fails the run. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http;
    private final URI base;

    Api(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code method path} with {@code Authorization} (if any), {@code body} as JSON (none if {@code null}) and
     * {@code headers}; the answer's body as JSON if its status is {@code expected}.
     */
    JsonNode send(
            String method, String path, String authorization, Object body, Map<String, String> headers, int expected)
            throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + base.resolve(path) + ": expected " + expected + ", got "
                    + response.statusCode() + " " + response.body());
        }
        String text = response.body();
        return text == null || text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
    }

    JsonNode post(String path, String authorization, Object body, int expected) throws IOException {
        return send("POST", path, authorization, body, Map.of(), expected);
    }

    JsonNode put(String path, String authorization, Object body, int expected) throws IOException {
        return send("PUT", path, authorization, body, Map.of(), expected);
    }

    JsonNode get(String path, String authorization, int expected) throws IOException {
        return send("GET", path, authorization, null, Map.of(), expected);
    }

    /** The body of {@code GET path} as text (for {@code /q/metrics}). */
    String text(String path) throws IOException {
        try {
            return http.send(
                            HttpRequest.newBuilder(base.resolve(path))
                                    .timeout(TIMEOUT)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
