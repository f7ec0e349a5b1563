package org.callsign.server.ready;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A service's {@link ReadyFile}: told of each server that starts listening, it waits until the service's readiness
 * checks are up and then writes the file with every port it knows (again if another server starts later); on
 * {@link #close()} it removes the file if it still holds this process's. Each service calls it from a thin bean, on a
 * thread that may block (never an event loop), so that a launcher needs neither an HTTPS client nor a TLS handshake
 * with the cold service to learn that it is ready.
 */
public final class ReadyFileWriter implements AutoCloseable {
    /** Between two readiness checks that were down, for the first {@link #SLOW_AFTER}. */
    public static final Duration RETRY_INTERVAL = Duration.ofMillis(20);

    /** Between two readiness checks after that: a service down for long does not run its checks 50 times a second. */
    public static final Duration SLOW_RETRY_INTERVAL = Duration.ofSeconds(1);

    /** How long a service may take to become ready before it is checked only every {@link #SLOW_RETRY_INTERVAL}. */
    public static final Duration SLOW_AFTER = Duration.ofSeconds(5);

    private final Path file;
    private final long pid;
    private final BooleanSupplier ready;
    private final SortedMap<String, Integer> ports = new TreeMap<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private ReadyFile written;

    /** Writes {@code file} for process {@code pid} once {@code ready} says so; a check that throws counts as down. */
    public ReadyFileWriter(Path file, long pid, BooleanSupplier ready) {
        this.file = file.toAbsolutePath();
        this.pid = pid;
        this.ready = ready;
    }

    /**
     * Records that the server {@code scheme} listens on {@code port}, waits until the readiness checks are up, and
     * writes the file; what it wrote, or empty if closed first. Blocks the calling thread meanwhile.
     */
    public Optional<ReadyFile> listening(String scheme, int port) throws IOException, InterruptedException {
        synchronized (this) {
            ports.put(scheme, port);
        }
        long start = System.nanoTime();
        while (!isReady()) {
            Duration wait = System.nanoTime() - start < SLOW_AFTER.toNanos() ? RETRY_INTERVAL : SLOW_RETRY_INTERVAL;
            if (closed.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        }
        synchronized (this) {
            if (closed.getCount() == 0) {
                return Optional.empty();
            }
            ReadyFile content = new ReadyFile(pid, ports);
            writeAtomically(file, content.format());
            written = content;
            return Optional.of(content);
        }
    }

    /**
     * {@link #listening(String, int)} for a server configured with port {@code configured} or, if that is 0 (a random
     * port), with the port in the system property {@code actualPortProperty}, which Quarkus sets to the port it got
     * before it tells that the server started. Never throws: a file that cannot be written is logged as an error, and an
     * interruption ends the wait.
     */
    public Optional<ReadyFile> listeningOrLog(String scheme, int configured, String actualPortProperty) {
        int port = configured > 0 ? configured : Integer.getInteger(actualPortProperty, 0);
        try {
            return listening(scheme, port);
        } catch (IOException | IllegalArgumentException e) {
            System.getLogger(ReadyFileWriter.class.getName())
                    .log(
                            System.Logger.Level.ERROR,
                            "cannot write the ready file (" + ReadyFile.PROPERTY + "): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** What was last written, if anything. */
    public synchronized Optional<ReadyFile> written() {
        return Optional.ofNullable(written);
    }

    /** Stops waiting and removes the file if it holds this process's id; best effort, never throws. */
    @Override
    public synchronized void close() {
        closed.countDown();
        try {
            if (written != null && ReadyFile.readWrittenBy(file, pid).isPresent()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Another process's file, or none to remove.
        }
    }

    /**
     * Writes {@code text} to a temporary file beside {@code file}, then renames it to {@code file} in one step; creates
     * the directory if missing.
     */
    static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private boolean isReady() {
        try {
            return ready.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
