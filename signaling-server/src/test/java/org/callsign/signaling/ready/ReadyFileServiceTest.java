package org.callsign.signaling.ready;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.callsign.server.ready.ReadyFile;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.signaling.signal.Await;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * With {@code callsign.ready-file} set, the server writes its pid and port there once it listens and is ready, and
 * builds the IdP sandbox's engine then, though nobody asked {@code /q/health/ready}.
 */
@QuarkusTest
@TestProfile(ReadyFileProfile.class)
class ReadyFileServiceTest {

    @ConfigProperty(name = ReadyFile.PROPERTY)
    Path file;

    @Inject
    ReadyFileService service;

    @Inject
    IdpSandbox sandbox;

    @Test
    void writesThisProcessAndItsPortOnceReadyAndWarmsUpTheSandbox() throws Exception {
        Await.until("the ready file is written", () -> Files.exists(file));

        ReadyFile ready =
                ReadyFile.readWrittenBy(file, ProcessHandle.current().pid()).orElseThrow();

        assertEquals(Map.of("http", RestAssured.port), ready.ports());
        assertEquals(Optional.of(ready), service.written());
        Await.until("the sandbox engine is built", sandbox::prepared);
    }
}
