package org.callsign.idp.ready;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.HttpServerStart;
import io.quarkus.vertx.http.HttpsServerStart;
import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.callsign.server.ready.ReadyFile;
import org.callsign.server.ready.ReadyFileWriter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes the IdP's ready file ({@value ReadyFile#PROPERTY}: its pid and ports) once a server listens and the
 * readiness checks of {@code /q/health/ready}, asked in-process, are up; removes it on shutdown. {@code ./callsign up}
 * waits for it rather than for an HTTPS answer. Without the key it does nothing. Quarkus fires the server start events
 * asynchronously, on a worker thread, which may therefore wait for the checks.
 */
@Singleton
public class ReadyFileService {

    private final ReadyFileWriter writer;

    ReadyFileService(@ConfigProperty(name = ReadyFile.PROPERTY) Optional<Path> file, SmallRyeHealthReporter health) {
        this.writer = file.map(path ->
                        new ReadyFileWriter(path, ProcessHandle.current().pid(), () -> !health.getReadiness()
                                .isDown()))
                .orElse(null);
    }

    void https(@ObservesAsync HttpsServerStart start) {
        listening("https", start.options(), "quarkus.http.ssl-port");
    }

    void http(@ObservesAsync HttpServerStart start) {
        listening("http", start.options(), "quarkus.http.port");
    }

    void stop(@Observes ShutdownEvent event) {
        if (writer != null) {
            writer.close();
        }
    }

    /** What this process last wrote to the ready file; empty when the key is absent or nothing was written yet. */
    public Optional<ReadyFile> written() {
        return writer == null ? Optional.empty() : writer.written();
    }

    private void listening(String scheme, HttpServerOptions options, String actualPortProperty) {
        if (writer != null) {
            writer.listeningOrLog(scheme, options.getPort(), actualPortProperty);
        }
    }
}
