package org.callsign.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * What the load generators need to run a packaged service (or another server) as a child process: a free port, the
 * launch, waiting until it answers, a clean stop.
 */
public final class ChildProcesses {

    /** The system property naming a command that the children run under: see {@link #start}. */
    public static final String CONFINE_PROPERTY = "callsign.benchmarks.confine";

    private ChildProcesses() {}

    /** A loopback port free at the moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first executable {@code name} in a directory of the {@code PATH}, if there is one. */
    public static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Starts the packaged service {@code jar} with {@code java}, {@code jvmFlags} and {@code properties} as
     * {@code -D} system properties (sorted, for a readable command line), in {@code directory}, output to
     * {@code log}.
     */
    public static Process launch(
            Path java, List<String> jvmFlags, Map<String, String> properties, Path jar, Path directory, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        new TreeMap<>(properties).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return start(command, directory, log);
    }

    /**
     * Starts {@code command} in {@code directory}, standard output and error to {@code log}. When the system property
     * {@value #CONFINE_PROPERTY} names a command (space-separated words), the child runs under it, {@code command}
     * appended: {@code benchmarks/confine} puts it in a CPU cgroup with a quota and on one CPU, so that every server
     * measured gets the same share of the machine and none of the load generator's.
     */
    public static Process start(List<String> command, Path directory, Path log) throws IOException {
        List<String> confined = new ArrayList<>();
        String confine = System.getProperty(CONFINE_PROPERTY, "").trim();
        if (!confine.isEmpty()) {
            confined.addAll(List.of(confine.split(" +")));
        }
        confined.addAll(command);
        return new ProcessBuilder(confined)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /**
     * Waits until {@code ready} answers 200 over plain HTTP/1.1 (no h2c upgrade: Node hands a request with an
     * {@code Upgrade} header to its WebSocket server), as {@link #awaitReady(Process, HttpClient, URI, long, String)}.
     */
    public static void awaitReady(Process process, URI ready, long timeoutMillis, Path log) {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        awaitReady(process, client, ready, timeoutMillis, log.toString());
    }

    /**
     * Waits until {@code ready} answers 200 through {@code client}, polling every 100 ms for at most {@code
     * timeoutMillis}; fails at once if {@code process} exits. Failures name {@code log}, where to look.
     */
    public static void awaitReady(Process process, HttpClient client, URI ready, long timeoutMillis, String log) {
        HttpRequest request =
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build();
        awaitReady(process, "the server at " + ready, timeoutMillis, log, () -> {
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false; // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        });
    }

    /**
     * Waits until {@code ready} says that {@code process} (named {@code name} in failures) answers, asking every 100 ms
     * for at most {@code timeoutMillis}; fails at once if the process exits. Failures name {@code log}, where to look.
     */
    public static void awaitReady(Process process, String name, long timeoutMillis, String log, BooleanSupplier ready) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(100);
        }
        throw new IllegalStateException(name + " did not answer within " + timeoutMillis + " ms; see " + log);
    }

    /** Runs {@code command} to its end (10 s at most) and returns its output and error output together, trimmed. */
    public static String output(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.waitFor(10, TimeUnit.SECONDS);
        return output;
    }

    /** Stops {@code process} (SIGTERM, then SIGKILL after 30 s) and removes its working {@code directory}. */
    public static void stop(Process process, Path directory) throws IOException {
        terminate(process);
        deleteTree(directory);
    }

    /** Removes {@code directory} and everything under it. */
    public static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Stops {@code process} (SIGTERM, then SIGKILL after 30 s) and keeps what it wrote, for a restart. */
    public static void terminate(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Sleeps, turning an interrupt into an exception (the run is being stopped). */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
