package org.callsign.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the load generators need to run a packaged service as a child JVM: a free port, the launch, a clean stop. */
public final class ChildProcesses {

    private ChildProcesses() {}

    /** A loopback port free at the moment. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
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
