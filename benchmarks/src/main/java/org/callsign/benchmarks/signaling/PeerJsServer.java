package org.callsign.benchmarks.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.callsign.benchmarks.ChildProcesses;

/**
 * The PeerJS server (npm {@code peer}, installed by {@code npm ci --prefix tools}) as a child process: node runs
 * {@code peerjs-server.mjs}, which starts {@code PeerServer} on a free loopback port with {@code concurrent_limit}
 * above the number of connections (the default, 5,000, would refuse the 5,001st peer) and {@code alive_timeout} of an
 * hour (the default, 90 s, closes a peer that has sent no {@code HEARTBEAT}; the PeerJS browser client sends one every
 * 5 s, which the load generator leaves out so that every message measured is relayed signaling), and an admin
 * listener for V8's memory. Peers connect to {@code /peerjs?key=peerjs&id=<id>&token=<token>} and need no account.
 */
final class PeerJsServer extends RelayProcess {
    /** How long a peer may stay silent before the server drops it, in milliseconds. */
    static final long ALIVE_TIMEOUT_MILLIS = 3_600_000;

    private static final long READY_TIMEOUT_MILLIS = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final int adminPort;
    private final HttpClient admin =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PeerJsServer(Process process, Path directory, Path log, int port, int adminPort) {
        super("peerjs", PeerJsWire.INSTANCE, process, directory, log);
        this.port = port;
        this.adminPort = adminPort;
    }

    /** Starts the server from the {@code peer} package in {@code peerPackage} and waits until it answers. */
    static PeerJsServer start(Path node, Path peerPackage, Path log, int connections) throws IOException {
        if (!Files.isRegularFile(peerPackage.resolve("dist/module.mjs"))) {
            throw new IllegalStateException(
                    "the PeerJS server is not installed at " + peerPackage + ": npm ci --prefix tools");
        }
        Path directory = Files.createTempDirectory("callsign-peerjs-bench-");
        Path script = directory.resolve("peerjs-server.mjs");
        try (InputStream in = PeerJsServer.class.getResourceAsStream("peerjs-server.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        int port = ChildProcesses.freePort();
        int adminPort = ChildProcesses.freePort();
        Process process = ChildProcesses.start(
                List.of(
                        node.toString(),
                        "--expose-gc",
                        script.toString(),
                        peerPackage.toAbsolutePath().toString(),
                        Integer.toString(port),
                        Integer.toString(adminPort),
                        Integer.toString(connections + 100),
                        Long.toString(ALIVE_TIMEOUT_MILLIS)),
                directory,
                log);
        return awaitReady(
                new PeerJsServer(process, directory, log, port, adminPort),
                URI.create("http://127.0.0.1:" + port + "/"),
                READY_TIMEOUT_MILLIS);
    }

    /** The first {@code node} on the {@code PATH}. */
    static Path nodeOnPath() {
        return ChildProcesses.onPath("node").orElseThrow(() -> new IllegalStateException("node is not on the PATH"));
    }

    /** {@code node --version}, e.g. {@code v20.20.2}. */
    static String version(Path node) throws IOException, InterruptedException {
        return ChildProcesses.output(node.toString(), "--version");
    }

    @Override
    public CompletableFuture<WebSocket> connect(HttpClient http, BenchDevice device, DeviceSocket socket) {
        URI uri = URI.create(
                "ws://127.0.0.1:" + port + "/peerjs?key=peerjs&id=" + device.id() + "&token=" + device.token());
        return http.newWebSocketBuilder().buildAsync(uri, socket);
    }

    /** V8's {@code heapUsed} after two full collections. */
    @Override
    public long liveHeapBytes() {
        return memory().path("heapUsed").asLong();
    }

    /** {@code process.memoryUsage()} after two full collections, with {@code peers}, the number connected. */
    JsonNode memory() {
        try {
            HttpResponse<String> answer = admin.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/memory"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new IllegalStateException("the PeerJS server's memory is unreadable; see " + log(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
