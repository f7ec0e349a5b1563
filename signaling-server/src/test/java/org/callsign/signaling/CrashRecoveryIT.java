package org.callsign.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost on {@code kill -9}: the packaged server registers a client and a device, is killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux), and after a restart on the same data directory the client
 * authenticates and its device is there.
 */
class CrashRecoveryIT {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private PackagedServer server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void acknowledgedRegistrationsSurviveSigkill() throws Exception {
        int port = start();
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(("crash-test:" + TestClients.KEY).getBytes(StandardCharsets.UTF_8));
        assertEquals(
                201,
                post(
                        port,
                        "/api/clients",
                        null,
                        "{\"clientID\":\"crash-test\",\"authKey\":\"" + TestClients.KEY + "\"}"));
        assertEquals(
                201,
                post(
                        port,
                        "/api/devices",
                        basic,
                        "{\"name\":\"Laptop\",\"kind\":\"browser\",\"fingerprint\":\"" + "AB".repeat(32) + "\"}"));

        assertEquals(137, server.kill(), "killed by SIGKILL");

        port = start();
        HttpResponse<String> devices = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/devices"))
                        .header("Authorization", basic)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, devices.statusCode(), devices.body());
        assertTrue(devices.body().contains("\"name\":\"Laptop\""), devices.body());
    }

    private int post(int port, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Starts the packaged server on a free port; returns the port. */
    private int start() throws IOException {
        server = PackagedServer.start(
                Map.of(
                        "callsign.signaling.data-dir",
                        dataDir.toString(),
                        "callsign.signaling.clients.bcrypt-cost",
                        "10"),
                Path.of("target", "crash-recovery.log"));
        return server.port();
    }
}
