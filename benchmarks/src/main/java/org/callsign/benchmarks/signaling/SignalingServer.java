package org.callsign.benchmarks.signaling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callsign.benchmarks.ChildProcesses;

/**
 * The packaged signaling-server ({@code quarkus-run.jar}) as a child JVM for the load test: a temporary data
 * directory, plain HTTP on a free loopback port (the benchmark measures signaling, not TLS), the cheapest allowed
 * bcrypt cost, a known admin secret, and limits the load generator's single address and high rates do not reach.
 * Everything is passed as {@code -D} system properties; the packaged configuration is otherwise untouched.
 */
final class SignalingServer implements AutoCloseable {
    static final String ADMIN_SECRET = "benchmark-admin-secret-0123456789abcdef";
    private static final long READY_TIMEOUT_MILLIS = 120_000;

    private final Process process;
    private final Path directory;
    private final Path log;
    private final int port;

    private SignalingServer(Process process, Path directory, Path log, int port) {
        this.process = process;
        this.directory = directory;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code jar} with {@code java} and {@code jvmFlags}, output to {@code log}, and waits until it is ready. */
    static SignalingServer start(Path java, List<String> jvmFlags, Path jar, Path log, int connections)
            throws IOException {
        Path directory = Files.createTempDirectory("callsign-signaling-bench-");
        int port = ChildProcesses.freePort();
        Map<String, String> properties = Map.ofEntries(
                Map.entry("quarkus.http.host", "127.0.0.1"),
                Map.entry("quarkus.http.port", Integer.toString(port)),
                Map.entry("quarkus.log.level", "WARN"),
                Map.entry(
                        "callsign.signaling.data-dir", directory.resolve("data").toString()),
                Map.entry("callsign.signaling.registration.admin-secret", ADMIN_SECRET),
                Map.entry("callsign.signaling.clients.bcrypt-cost", "10"),
                Map.entry("callsign.signaling.rate-limit.requests-per-minute", "10000000"),
                Map.entry("callsign.signaling.rate-limit.token-checks-per-minute", "10000000"),
                Map.entry("callsign.signaling.rate-limit.key-checks-per-second", "100000"),
                Map.entry("callsign.signaling.websocket.messages-per-second", "100000"),
                Map.entry("callsign.signaling.websocket.client-messages-per-second", "100000"),
                Map.entry("callsign.signaling.websocket.max-connections", Integer.toString(connections + 100)));
        Process process = ChildProcesses.launch(java, jvmFlags, properties, jar, directory, log);
        SignalingServer server = new SignalingServer(process, directory, log, port);
        try {
            server.awaitReady();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The server JVM's process id. */
    long pid() {
        return process.pid();
    }

    /** Whether the server is still running. */
    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() throws IOException {
        ChildProcesses.stop(process, directory);
    }

    private void awaitReady() {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready =
                HttpRequest.newBuilder(base().resolve("/q/health/ready")).build();
        long deadline = System.currentTimeMillis() + READY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("signaling-server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            ChildProcesses.sleep(200);
        }
        throw new IllegalStateException(
                "signaling-server not ready within " + READY_TIMEOUT_MILLIS + " ms; see " + log);
    }
}
