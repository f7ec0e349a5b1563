package org.callsign.testbed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * A JSON client for one service's API, by IP ({@code https://127.0.0.1:<port>}; the certificates name
 * {@code 127.0.0.1}), on the JDK's HTTP client trusting only the testbed's CA.
 */
public final class ApiClient {
    /** How long one request may take. */
    public static final Duration TIMEOUT = Duration.ofSeconds(15);

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;

    ApiClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** {@code https://127.0.0.1:<port>}. */
    public URI base() {
        return base;
    }

    /** The absolute URI of {@code pathAndQuery} ({@code /api/devices}). */
    public URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    /** The value of {@code Authorization} for a bearer token (RFC 6750). */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The value of {@code Authorization} for Basic credentials (RFC 7617, UTF-8). */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path, String authorization) {
        return send("GET", path, authorization, null, Map.of());
    }

    public Response post(String path, String authorization, Object body) {
        return send("POST", path, authorization, body, Map.of());
    }

    public Response put(String path, String authorization, Object body) {
        return send("PUT", path, authorization, body, Map.of());
    }

    public Response delete(String path, String authorization) {
        return send("DELETE", path, authorization, null, Map.of());
    }

    /**
     * Sends {@code method} to {@code path} with {@code Authorization} (if not {@code null}), {@code body} as JSON (a
     * {@link JsonNode}, a map or a record; none if {@code null}) and further {@code headers}.
     */
    public Response send(String method, String path, String authorization, Object body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method + " " + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + uri(path) + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON body", e);
        }
    }

    /** An answer: status, headers and body, with the body as JSON on demand. */
    public record Response(String request, int status, HttpHeaders headers, String body) {

        /** The body as JSON; a missing node if it is empty or not JSON. */
        public JsonNode json() {
            if (body == null || body.isEmpty()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        /** This response if its status is {@code expected}; otherwise an {@link IllegalStateException} naming both. */
        public Response expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException(request + ": expected " + expected + ", got " + status + " " + body);
            }
            return this;
        }
    }
}
