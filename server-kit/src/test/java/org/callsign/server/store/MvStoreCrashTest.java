package org.callsign.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Nothing acknowledged is lost when the process is killed with SIGKILL ({@code destroyForcibly}). */
class MvStoreCrashTest {

    /** Entries the writer would write if never killed: far more than it writes before the kill. */
    private static final int WRITES = 1_000_000;

    /** Acknowledgements to wait for before the kill. */
    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path temp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteSurvivesKillNine() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path dataDir = temp.resolve("data");
        // Output to a file, not a pipe: destroyForcibly closes the pipe, and acknowledgements written just before
        // the kill must still be read.
        Path acks = temp.resolve("acks.txt");
        Process writer = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        dataDir.toString(),
                        Integer.toString(WRITES))
                .redirectOutput(acks.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            while (acknowledged(acks).size() < ACKS_BEFORE_KILL) {
                assertTrue(writer.isAlive(), "writer exited with " + (writer.isAlive() ? "" : writer.exitValue()));
                Thread.sleep(10);
            }
        } finally {
            writer.destroyForcibly();
        }
        assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "writer did not die");
        assertEquals(137, writer.exitValue(), "writer was not killed by SIGKILL");
        List<Integer> acked = acknowledged(acks);
        assertTrue(acked.size() >= ACKS_BEFORE_KILL, "writer stopped early: " + acked.size() + " acknowledged");
        int last = acked.get(acked.size() - 1);
        assertEquals(acked.size() - 1, last, "acknowledgements out of order");
        assertTrue(last < WRITES - 1, "writer finished before it was killed");

        try (KeyValueStore store = MvStoreKeyValueStore.open(dataDir, "crash.mv.db")) {
            for (int i : acked) {
                byte[] value = store.get(CrashWriter.NAMESPACE, CrashWriter.key(i))
                        .orElseThrow(() -> new AssertionError("acknowledged entry " + i + " lost"));
                assertArrayEquals(CrashWriter.value(i), value, "entry " + i);
            }
            // Entries beyond the last acknowledgement may or may not be there, but never more than the one in flight.
            assertFalse(
                    store.get(CrashWriter.NAMESPACE, CrashWriter.key(last + 2)).isPresent());
        }
    }

    /** The entries acknowledged so far; a last line cut by the kill does not count. */
    private static List<Integer> acknowledged(Path acks) throws IOException {
        List<Integer> acked = new ArrayList<>();
        String text = Files.readString(acks, UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return acked;
        }
        for (String line : text.substring(0, end).split("\n")) {
            if (line.startsWith("ACK ")) {
                acked.add(Integer.parseInt(line.substring(4)));
            }
        }
        return acked;
    }
}
