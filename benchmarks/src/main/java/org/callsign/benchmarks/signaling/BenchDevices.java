package org.callsign.benchmarks.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load test's clients and devices. For signaling-server they are registered through the server's own API: each
 * client (registered with the admin secret) gets a bearer token and {@code devicesPerClient} devices, each with a
 * random sha-256 fingerprint. For relays without accounts they are made here, shaped the same.
 */
final class BenchDevices {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private BenchDevices() {}

    /** Registers {@code count} devices, {@code devicesPerClient} per client, from a few threads at once. */
    static List<BenchDevice> register(URI base, int count, int devicesPerClient) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int clients = (count + devicesPerClient - 1) / devicesPerClient;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<BenchDevice>>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int devices = Math.min(devicesPerClient, count - c * devicesPerClient);
                String clientId = "bench-" + c;
                futures.add(pool.submit(() -> client(http, base, clientId, devices)));
            }
            List<BenchDevice> all = new ArrayList<>(count);
            for (Future<List<BenchDevice>> future : futures) {
                all.addAll(future.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code count} devices for a relay without accounts: ids {@code d0}, {@code d1}…, {@code devicesPerClient} to a
     * client, a random token each (PeerJS's reconnection secret) and a random fingerprint for their SDP.
     */
    static List<BenchDevice> local(int count, int devicesPerClient) {
        List<BenchDevice> devices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            devices.add(new BenchDevice(
                    "c" + i / devicesPerClient, HexFormat.of().formatHex(randomBytes(12)), "d" + i, fingerprint()));
        }
        return devices;
    }

    private static List<BenchDevice> client(HttpClient http, URI base, String clientId, int devices)
            throws IOException, InterruptedException {
        String key = HexFormat.of().formatHex(randomBytes(24));
        post(
                http,
                base,
                "/api/clients",
                Map.of("X-Callsign-Admin-Secret", SignalingServer.ADMIN_SECRET),
                Map.of("clientID", clientId, "authKey", key),
                201);
        String token = post(http, base, "/api/tokens", Map.of(), Map.of("clientID", clientId, "authKey", key), 200)
                .path("access_token")
                .asText();
        List<BenchDevice> registered = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++) {
            String fingerprint = fingerprint();
            JsonNode device = post(
                    http,
                    base,
                    "/api/devices",
                    Map.of("Authorization", "Bearer " + token),
                    Map.of("name", "bench device " + d, "kind", "bench", "fingerprint", "sha-256 " + fingerprint),
                    201);
            registered.add(new BenchDevice(clientId, token, device.path("id").asText(), fingerprint));
        }
        return registered;
    }

    private static JsonNode post(
            HttpClient http, URI base, String path, Map<String, String> headers, Object body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String fingerprint() {
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(randomBytes(32));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
