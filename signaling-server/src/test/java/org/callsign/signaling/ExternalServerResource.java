package org.callsign.signaling;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts a real server in a directory of its own before the application, and gives the application its
 * configuration; stops it and deletes the directory afterwards. Where the server is not installed (outside CI) the
 * application gets the configuration without it, and the tests skip themselves.
 *
 * @param <S> the server
 */
public abstract class ExternalServerResource<S extends AutoCloseable> implements QuarkusTestResourceLifecycleManager {

    private S server;
    private Path dir;

    /** Whether the server is installed; under CI its absence is an error. */
    protected abstract boolean installed();

    /** Starts the server in {@code dir}. */
    protected abstract S start(Path dir) throws IOException, InterruptedException;

    /** The application's configuration for {@code server}, or without a server for {@code null}. */
    protected abstract Map<String, String> config(S server, Path dir);

    @Override
    public Map<String, String> start() {
        if (!installed()) {
            return config(null, null);
        }
        try {
            dir = Files.createTempDirectory("callsign-server");
            server = start(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a test server", e);
        }
        return config(server, dir);
    }

    @Override
    public void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException("test server did not stop", e);
        } finally {
            if (dir != null) {
                ExternalServers.deleteTree(dir);
            }
        }
    }
}
