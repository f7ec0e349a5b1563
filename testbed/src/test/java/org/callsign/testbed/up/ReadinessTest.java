package org.callsign.testbed.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.callsign.server.ready.ReadyFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for ready files, with plain child processes standing in for the services. */
class ReadinessTest {
    @TempDir
    Path temp;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void returnsOnceEveryChildHasWrittenItsReadyFile() throws Exception {
        ServerProcess idp = child("idp-server", "sleep", "60");
        ServerProcess signaling = child("signaling-server", "sleep", "60");
        Path idpFile = temp.resolve("idp-server.ready");
        Path signalingFile = temp.resolve("signaling-server.ready");
        write(idpFile, idp.handle().pid());
        CompletableFuture.runAsync(() -> write(signalingFile, signaling.handle().pid()), delayed(200));

        long start = System.nanoTime();
        Readiness.awaitReadyFiles(Map.of(idp, idpFile, signaling, signalingFile));

        assertTrue(System.nanoTime() - start >= 150_000_000L, "returned before the second file was written");
    }

    @Test
    void ignoresAReadyFileOfAnotherProcessUntilTheChildWritesItsOwn() throws Exception {
        ServerProcess idp = child("idp-server", "sleep", "60");
        Path file = temp.resolve("idp-server.ready");
        write(file, ProcessHandle.current().pid());
        CompletableFuture<Long> written = CompletableFuture.supplyAsync(
                () -> {
                    write(file, idp.handle().pid());
                    return System.nanoTime();
                },
                delayed(300));

        Readiness.awaitReadyFiles(Map.of(idp, file));

        assertTrue(written.isDone(), "accepted the file of another process");
    }

    @Test
    void timesOutNamingWhatIsMissingWithTheLogsTails() throws Exception {
        ServerProcess idp = child("idp-server", "sleep", "60");
        ServerProcess signaling = child("signaling-server", "sleep", "60");
        Path idpFile = temp.resolve("idp-server.ready");
        Path signalingFile = temp.resolve("signaling-server.ready");
        write(idpFile, idp.handle().pid());
        write(signalingFile, 1);
        Files.writeString(signaling.log(), "starting\nstill starting\n");

        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Readiness.awaitReadyFiles(
                        Map.of(idp, idpFile, signaling, signalingFile), Duration.ofMillis(200)));

        assertEquals(
                "not ready within PT0.2S: [signaling-server (" + signalingFile + ": written by process 1, not "
                        + signaling.handle().pid() + ")]",
                e.getMessage().lines().findFirst().orElseThrow());
        assertTrue(
                e.getMessage()
                        .contains("---- signaling-server: last 2 lines of " + signaling.log()
                                + "\nstarting\nstill starting"),
                e.getMessage());
    }

    @Test
    void failsAtOnceWhenAChildExits() throws Exception {
        ServerProcess idp = child("idp-server", "sleep", "60");
        ServerProcess signaling = child("signaling-server", "sh", "-c", "echo cannot bind; exit 3");
        signaling.onExit().get(10, TimeUnit.SECONDS);

        long start = System.nanoTime();
        IllegalStateException e = assertThrows(
                IllegalStateException.class,
                () -> Readiness.awaitReadyFiles(Map.of(
                        idp, temp.resolve("idp-server.ready"), signaling, temp.resolve("signaling-server.ready"))));

        assertTrue(System.nanoTime() - start < 5_000_000_000L, "waited on for a child that had exited");
        assertTrue(e.getMessage().startsWith("signaling-server exited with 3\n"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot bind"), e.getMessage());
    }

    private ServerProcess child(String name, String... command) throws IOException {
        Path log = temp.resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        children.add(process);
        return ServerProcess.of(name, process, log);
    }

    private static void write(Path file, long pid) {
        try {
            Files.writeString(file, new ReadyFile(pid, new TreeMap<>(Map.of("https", 8443))).format());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Executor delayed(long millis) {
        return CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS);
    }
}
