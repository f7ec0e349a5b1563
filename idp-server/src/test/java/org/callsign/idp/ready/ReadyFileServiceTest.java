package org.callsign.idp.ready;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.callsign.server.ready.ReadyFile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With {@code callsign.ready-file} set, the IdP writes its pid and port there once it listens and is ready. */
@QuarkusTest
@TestProfile(ReadyFileProfile.class)
class ReadyFileServiceTest {

    @ConfigProperty(name = ReadyFile.PROPERTY)
    Path file;

    @Inject
    ReadyFileService service;

    @Test
    void writesThisProcessAndItsPortOnceReady() throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Files.exists(file)) {
            assertTrue(System.nanoTime() < deadline, "no ready file at " + file);
            Thread.sleep(10);
        }

        ReadyFile ready =
                ReadyFile.readWrittenBy(file, ProcessHandle.current().pid()).orElseThrow();

        assertEquals(Map.of("http", RestAssured.port), ready.ports());
        assertEquals(Optional.of(ready), service.written());
    }
}
