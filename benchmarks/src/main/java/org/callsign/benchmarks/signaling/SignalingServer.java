package org.callsign.benchmarks.signaling;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.callsign.benchmarks.ChildProcesses;

/**
 * The packaged signaling-server ({@code quarkus-run.jar}) as a child JVM for the load test: a temporary data
 * directory, plain HTTP on a free loopback port (the benchmark measures signaling, not TLS), the cheapest allowed
 * bcrypt cost, a known admin secret, and limits the load generator's single address and high rates do not reach.
 * Everything is passed as {@code -D} system properties; the packaged configuration is otherwise untouched (a cluster's
 * node adds its store and cluster settings, {@link SignalingCluster}). Devices are registered through its API and
 * connect with their client's bearer token.
 */
final class SignalingServer extends RelayProcess {
    static final String ADMIN_SECRET = "benchmark-admin-secret-0123456789abcdef";
    private static final long READY_TIMEOUT_MILLIS = 120_000;

    private final int port;
    private final HeapProbe heap;

    private SignalingServer(Process process, Path directory, Path log, int port, Path jcmd) {
        super("signaling-server", CallsignWire.SIGNALING_SERVER, process, directory, log);
        this.port = port;
        this.heap = new HeapProbe(jcmd, process.pid());
    }

    /** Starts {@code jar} with {@code java} and {@code jvmFlags}, output to {@code log}, and waits until it is ready. */
    static SignalingServer start(Path java, List<String> jvmFlags, Path jar, Path log, int connections)
            throws IOException {
        return start(java, jvmFlags, jar, log, connections, Map.of());
    }

    /** As {@link #start(Path, List, Path, Path, int)}, with {@code extra} system properties besides the benchmark's. */
    static SignalingServer start(
            Path java, List<String> jvmFlags, Path jar, Path log, int connections, Map<String, String> extra)
            throws IOException {
        Path directory = Files.createTempDirectory("callsign-signaling-bench-");
        int port = ChildProcesses.freePort();
        Map<String, String> properties = new HashMap<>(extra);
        properties.putAll(Map.ofEntries(
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
                // Registering the devices checks keys in parallel; on one processor (or a slow one) the default
                // of one check per processor would refuse most of them as busy.
                Map.entry("callsign.signaling.rate-limit.concurrent-key-checks", "64"),
                Map.entry("callsign.signaling.websocket.messages-per-second", "100000"),
                Map.entry("callsign.signaling.websocket.client-messages-per-second", "100000"),
                Map.entry("callsign.signaling.websocket.max-connections", Integer.toString(connections + 100))));
        Process process = ChildProcesses.launch(java, jvmFlags, properties, jar, directory, log);
        SignalingServer server = new SignalingServer(process, directory, log, port, java.resolveSibling("jcmd"));
        return awaitReady(server, server.base().resolve("/q/health/ready"), READY_TIMEOUT_MILLIS);
    }

    /** {@code http://127.0.0.1:<port>}. */
    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public List<BenchDevice> devices(int count, int perClient) throws Exception {
        return BenchDevices.register(base(), count, perClient);
    }

    @Override
    public CompletableFuture<WebSocket> connect(HttpClient http, BenchDevice device, DeviceSocket socket) {
        return http.newWebSocketBuilder()
                .header("Authorization", "Bearer " + device.token())
                .subprotocols("callsign.v1")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws?device=" + device.id()), socket);
    }

    @Override
    public long liveHeapBytes() {
        return heap.liveHeapBytes();
    }
}
