package org.callsign.signaling.ready;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.callsign.server.ready.ReadyFile;
import org.callsign.signaling.PackagedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server with {@code callsign.ready-file}: the file appears with the child JVM's pid and the port it
 * listens on, and is gone once the server stopped on SIGTERM.
 */
class ReadyFileIT {

    @TempDir
    Path temp;

    @Test
    void writesItsPidAndPortAndRemovesTheFileOnSigterm() throws Exception {
        Path file = temp.resolve("run").resolve("signaling.ready");
        try (PackagedServer server = PackagedServer.start(
                Map.of(
                        "callsign.signaling.data-dir",
                        temp.resolve("data").toString(),
                        ReadyFile.PROPERTY,
                        file.toString()),
                Path.of("target", "ready-file.log"))) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(file)) {
                assertTrue(server.isAlive(), "the server exited; see " + server.log());
                assertTrue(System.nanoTime() < deadline, "no ready file at " + file + "; see " + server.log());
                Thread.sleep(10);
            }

            ReadyFile ready = ReadyFile.readWrittenBy(file, server.pid()).orElseThrow();
            assertEquals(Map.of("http", server.port()), ready.ports());

            server.close();
            assertFalse(server.isAlive());
            assertFalse(Files.exists(file), "the ready file outlived the server");
        }
    }
}
