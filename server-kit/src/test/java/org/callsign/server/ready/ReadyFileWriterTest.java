package org.callsign.server.ready;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadyFileWriterTest {
    private static final long PID = 4242;

    @TempDir
    Path temp;

    @Test
    void writesOnceTheReadinessChecksAreUp() throws Exception {
        Path file = temp.resolve("service.ready");
        AtomicInteger checks = new AtomicInteger();
        ReadyFileWriter writer = new ReadyFileWriter(file, PID, () -> checks.incrementAndGet() >= 3);

        Optional<ReadyFile> written = writer.listening("https", 8443);

        assertEquals(3, checks.get());
        ReadyFile expected = new ReadyFile(PID, new TreeMap<>(Map.of("https", 8443)));
        assertEquals(Optional.of(expected), written);
        assertEquals(Optional.of(expected), ReadyFile.readWrittenBy(file, PID));
        assertEquals(List.of(file), files(), "a temporary file is left");
    }

    @Test
    void aCheckThatThrowsCountsAsDown() throws Exception {
        Path file = temp.resolve("service.ready");
        AtomicInteger checks = new AtomicInteger();
        ReadyFileWriter writer = new ReadyFileWriter(file, PID, () -> {
            if (checks.incrementAndGet() == 1) {
                throw new IllegalStateException("timed out");
            }
            return true;
        });

        assertTrue(writer.listening("https", 8443).isPresent());
        assertEquals(2, checks.get());
    }

    @Test
    void aRandomPortIsTakenFromTheSystemPropertyQuarkusSets() throws Exception {
        Path file = temp.resolve("service.ready");
        String property = "callsign.test.ready-file.port";
        System.setProperty(property, "45123");
        try {
            Optional<ReadyFile> written =
                    new ReadyFileWriter(file, PID, () -> true).listeningOrLog("https", 0, property);

            assertEquals(Optional.of(45123), written.map(ready -> ready.ports().get("https")));
        } finally {
            System.clearProperty(property);
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsLoggedNotThrown() throws Exception {
        Path blocker = Files.writeString(temp.resolve("not-a-directory"), "x");
        ReadyFileWriter writer = new ReadyFileWriter(blocker.resolve("service.ready"), PID, () -> true);

        assertEquals(Optional.empty(), writer.listeningOrLog("https", 8443, "unused"));
        assertEquals(Optional.empty(), writer.written());
    }

    @Test
    void aSecondServerRewritesTheFileWithBothPorts() throws Exception {
        Path file = temp.resolve("service.ready");
        ReadyFileWriter writer = new ReadyFileWriter(file, PID, () -> true);

        writer.listening("https", 8443);
        writer.listening("http", 8080);

        assertEquals("pid=4242\nhttp=8080\nhttps=8443\n", Files.readString(file));
    }

    @Test
    void closedBeforeReadyWritesNothingAndStopsWaiting() throws Exception {
        Path file = temp.resolve("service.ready");
        ReadyFileWriter writer = new ReadyFileWriter(file, PID, () -> false);
        CompletableFuture<Optional<ReadyFile>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return writer.listening("https", 8443);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(waiting.isDone(), "wrote or gave up while the checks were down");

        writer.close();

        assertEquals(Optional.empty(), waiting.get(5, TimeUnit.SECONDS));
        assertEquals(List.of(), files());
    }

    @Test
    void closeRemovesItsOwnFile() throws Exception {
        Path file = temp.resolve("service.ready");
        ReadyFileWriter writer = new ReadyFileWriter(file, PID, () -> true);
        writer.listening("https", 8443);

        writer.close();

        assertFalse(Files.exists(file));
    }

    @Test
    void closeLeavesAFileThatAnotherProcessWroteSince() throws Exception {
        Path file = temp.resolve("service.ready");
        ReadyFileWriter writer = new ReadyFileWriter(file, PID, () -> true);
        writer.listening("https", 8443);
        Files.writeString(file, "pid=5151\nhttps=8443\n");

        writer.close();

        assertEquals("pid=5151\nhttps=8443\n", Files.readString(file));
    }

    @Test
    void aReaderNeverSeesAHalfWrittenFile() throws Exception {
        Path file = temp.resolve("service.ready");
        AtomicBoolean done = new AtomicBoolean();
        List<String> problems = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                try {
                    ReadyFile.readWrittenBy(file, PID);
                } catch (IOException e) {
                    problems.add(e.getMessage());
                }
            }
        });
        reader.start();
        try {
            for (int port = 1000; port < 1300; port++) {
                ReadyFileWriter.writeAtomically(
                        file, new ReadyFile(PID, new TreeMap<>(Map.of("https", port))).format());
            }
        } finally {
            done.set(true);
            reader.join();
        }
        assertEquals(List.of(), problems);
        assertEquals(List.of(file), files(), "a temporary file is left");
    }

    private List<Path> files() throws IOException {
        try (var files = Files.list(temp)) {
            return files.toList();
        }
    }
}
