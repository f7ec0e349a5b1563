package org.callsign.benchmarks.signaling;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.callsign.benchmarks.ChildProcesses;
import org.callsign.benchmarks.echo.EchoRelay;

/**
 * The floor: {@link EchoRelay}, a bare WebSocket relay on Vert.x, as a child JVM with the same JVM and flags as
 * signaling-server, started from the load generator's own class path. Devices need no account; they connect to
 * {@code /relay?id=<id>} and frame their messages as signaling-server's, each addressed ({@link CallsignWire#ADDRESSED}).
 */
final class EchoFloor extends RelayProcess {
    private static final long READY_TIMEOUT_MILLIS = 60_000;

    private final int port;
    private final HeapProbe heap;

    private EchoFloor(Process process, Path directory, Path log, int port, Path jcmd) {
        super("echo-floor", CallsignWire.ADDRESSED, process, directory, log);
        this.port = port;
        this.heap = new HeapProbe(jcmd, process.pid());
    }

    /** Starts the relay with {@code java} and {@code jvmFlags} and waits until it answers. */
    static EchoFloor start(Path java, List<String> jvmFlags, String classPath, Path log) throws IOException {
        Path directory = Files.createTempDirectory("callsign-echo-bench-");
        int port = ChildProcesses.freePort();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        // The child runs in its own directory: every entry of the class path made absolute.
        String absolute = Arrays.stream(classPath.split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        command.addAll(List.of("-cp", absolute, EchoRelay.class.getName(), Integer.toString(port)));
        Process process = ChildProcesses.start(command, directory, log);
        return awaitReady(
                new EchoFloor(process, directory, log, port, java.resolveSibling("jcmd")),
                URI.create("http://127.0.0.1:" + port + "/"),
                READY_TIMEOUT_MILLIS);
    }

    @Override
    public CompletableFuture<WebSocket> connect(HttpClient http, BenchDevice device, DeviceSocket socket) {
        return http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/relay?id=" + device.id()), socket);
    }

    @Override
    public long liveHeapBytes() {
        return heap.liveHeapBytes();
    }
}
