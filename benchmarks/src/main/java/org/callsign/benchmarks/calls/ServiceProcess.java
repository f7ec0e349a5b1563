package org.callsign.benchmarks.calls;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.callsign.benchmarks.ChildProcesses;

/**
 * One packaged service ({@code quarkus-run.jar}) of the benchmark as a child JVM: HTTPS only on a fixed loopback
 * port, configured by {@code -D} properties, its output appended to a log. It can be stopped and started again on the
 * same port and data directory, so that a restart forgets everything the process held in memory (caches, connections,
 * compiled code) and keeps what it stored (accounts, devices, bound identities, keys).
 */
final class ServiceProcess {
    private static final long READY_TIMEOUT_MILLIS = 180_000;

    private final String name;
    private final Path java;
    private final List<String> jvmFlags;
    private final Map<String, String> properties;
    private final Path jar;
    private final Path directory;
    private final Path logDir;
    private final int port;
    private Process process;
    private int starts;

    ServiceProcess(
            String name,
            Path java,
            List<String> jvmFlags,
            Map<String, String> properties,
            Path jar,
            Path directory,
            Path logDir,
            int port) {
        this.name = name;
        this.java = java;
        this.jvmFlags = jvmFlags;
        this.properties = properties;
        this.jar = jar;
        this.directory = directory;
        this.logDir = logDir;
        this.port = port;
    }

    String name() {
        return name;
    }

    /** {@code https://127.0.0.1:<port>}: the certificate names the IP too. */
    URI base() {
        return URI.create("https://127.0.0.1:" + port);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Launches the JVM; its log is {@code <name>.log} for the first start, {@code <name>-<n>.log} after. */
    void launch() throws IOException {
        String log = starts == 0 ? name + ".log" : name + "-" + starts + ".log";
        starts++;
        process = ChildProcesses.launch(java, jvmFlags, properties, jar, directory, logDir.resolve(log));
    }

    /** Waits until {@code GET /q/health/ready} answers 200 over HTTPS. */
    void awaitReady(HttpClient https) {
        ChildProcesses.awaitReady(
                process, https, base().resolve("/q/health/ready"), READY_TIMEOUT_MILLIS, name + "'s log in " + logDir);
    }

    /** Stops the JVM (SIGTERM, then SIGKILL after 30 s); its directory stays. */
    void stop() {
        if (process != null) {
            ChildProcesses.terminate(process);
        }
    }
}
