package org.callsign.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost on {@code kill -9}: the packaged server registers a client and a device, is killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux), and after a restart on the same data directory the client
 * authenticates and its device is there.
 */
class CrashRecoveryIT {

    private static final Pattern LISTENING = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
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

        server.destroyForcibly();
        assertTrue(server.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, server.exitValue(), "killed by SIGKILL");

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
    private int start() throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("callsign.app.jar", "target/quarkus-app/quarkus-run.jar"));
        assertTrue(Files.exists(jar), "package the application first: " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(List.of(
                        java,
                        "-Dquarkus.http.port=0",
                        "-Dcallsign.signaling.data-dir=" + dataDir,
                        "-Dcallsign.signaling.clients.bcrypt-cost=10",
                        "-jar",
                        jar.toString()))
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
                port.completeExceptionally(new IllegalStateException("server exited before listening"));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return port.get(Duration.ofSeconds(90).toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("server did not start", e);
        }
    }
}
