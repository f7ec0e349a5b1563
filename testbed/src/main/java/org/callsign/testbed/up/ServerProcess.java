package org.callsign.testbed.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.callsign.server.ready.ReadyFile;

/**
 * A packaged service ({@code quarkus-app/quarkus-run.jar}) running as a child JVM, with its output in a log file: the
 * testbed's servers and those of {@code ./callsign up}. It is configured by {@code -D} system properties and, for keys
 * a service may not know yet, environment variables.
 */
public final class ServerProcess implements AutoCloseable {
    /** How long a service may take to become ready ({@code /q/health/ready} or its ready file). */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** The system property holding extra flags for the child JVMs. */
    public static final String JVM_FLAGS_PROPERTY = "testbed.jvm-flags";

    /**
     * The lowest port of Linux's default ephemeral range ({@code net.ipv4.ip_local_port_range}, 32768–60999): ports
     * for children are drawn below it.
     */
    static final int EPHEMERAL_FLOOR = 32768;

    /** The lowest port drawn for a child: above the registered ports that local services commonly use. */
    static final int PORT_FLOOR = 20000;

    private static final int PORT_ATTEMPTS = 100;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final int CONNECT_TIMEOUT_MS = 2000;

    private final String name;
    private final Process process;
    private final Path log;
    private final URI readiness;
    private volatile boolean listening;

    private ServerProcess(String name, Process process, Path log, URI readiness) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.readiness = readiness;
    }

    /**
     * Starts {@code jar} with the JVM running this process and {@link #jvmFlags()}, this process's temporary directory
     * ({@code java.io.tmpdir}, so that whoever chose it for this process also sees what the child leaves there), Vert.x's
     * file cache in {@code workDir/vertx-cache} (Vert.x removes what it cached when it stops, but would leave its empty
     * base directory in the temporary directory), {@code properties} as {@code -D} options (sorted, for a readable command line) and {@code environment} added to
     * this process's, in {@code workDir}, its output to {@code log}. Readiness is
     * {@code GET https://<host>:<httpsPort>/q/health/ready}.
     */
    public static ServerProcess launch(
            String name,
            Path jar,
            Map<String, String> properties,
            Map<String, String> environment,
            Path workDir,
            Path log,
            String host,
            int httpsPort)
            throws IOException {
        return launch(name, jar, List.of(), properties, environment, workDir, log, host, httpsPort);
    }

    /** {@link #launch(String, Path, Map, Map, Path, Path, String, int)} with {@code jvmOptions} after {@link #jvmFlags()}. */
    public static ServerProcess launch(
            String name,
            Path jar,
            List<String> jvmOptions,
            Map<String, String> properties,
            Map<String, String> environment,
            Path workDir,
            Path log,
            String host,
            int httpsPort)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; package the services first"
                    + " (./mvnw install -DskipTests, or ./mvnw verify from the root)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags());
        command.addAll(jvmOptions);
        command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
        command.add(
                "-Dquarkus.vertx.cache-directory=" + workDir.toAbsolutePath().resolve("vertx-cache"));
        new TreeMap<>(properties).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Files.writeString(log, "", StandardCharsets.UTF_8);
        URI readiness = URI.create("https://" + uriHost(host) + ":" + httpsPort + "/q/health/ready");
        return new ServerProcess(name, builder.start(), log, readiness);
    }

    /** A child started otherwise, with its output in {@code log}: for tests of the waiting, which need no service. */
    static ServerProcess of(String name, Process process, Path log) {
        return new ServerProcess(name, process, log, null);
    }

    /** The child JVMs' flags: {@code -Dtestbed.jvm-flags="…"}, split at spaces. */
    public static List<String> jvmFlags() {
        String flags = System.getProperty(JVM_FLAGS_PROPERTY, "").strip();
        return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    }

    /**
     * A loopback port that is free at the moment, for a child to bind later. It is drawn at random below
     * {@link #EPHEMERAL_FLOOR}: a port the kernel handed out for {@code bind(0)} is in its ephemeral range, where the
     * next outgoing connection (a readiness probe, a browser) may take it as its local port before the child binds
     * it, and the child then fails with "port in use". Below that range only another program choosing a fixed port
     * can collide. Falls back to a kernel-chosen port if none of {@value #PORT_ATTEMPTS} random ones is free.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(PORT_FLOOR, EPHEMERAL_FLOOR);
            if (bindable(port)) {
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The name given at launch, for messages. */
    public String name() {
        return name;
    }

    /** The log file (standard output and error of the child). */
    public Path log() {
        return log;
    }

    /** The child JVM. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Completes with the child when it exits. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Whether the child JVM is running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's exit status; only once it has exited. */
    public int exitValue() {
        return process.exitValue();
    }

    /**
     * One readiness probe: empty when ready, else why not. Fails at once if the process has exited. Until the port
     * accepts a connection the probe is a bare TCP connect, which costs the starting services far less CPU than an
     * HTTPS request.
     */
    public String probe(HttpClient https) throws InterruptedException {
        requireAlive();
        if (!listening) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(readiness.getHost(), readiness.getPort()), CONNECT_TIMEOUT_MS);
                listening = true;
            } catch (IOException e) {
                return "not listening: " + e.getMessage();
            }
        }
        try {
            HttpResponse<String> response = https.send(
                    HttpRequest.newBuilder(readiness)
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? "" : "status " + response.statusCode();
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * One check of the ready file that the child writes once it listens and its readiness checks are up
     * ({@link ReadyFile}, given to it as {@value ReadyFile#PROPERTY}): empty when {@code file} is there and names the
     * child's pid, else why not. A file of another process (an earlier run's) does not count. Fails at once if the
     * child has exited. Costs a file lookup while there is none: no connection, no TLS handshake with the service.
     */
    public String readyFileProblem(Path file) {
        requireAlive();
        try {
            return ReadyFile.readWrittenBy(file, process.pid()).isPresent() ? "" : "no " + file + " yet";
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "\n" + tail(40));
        }
    }

    /** The last {@code lines} lines of the log, headed by the service's name and the log's path. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "---- " + name + ": last " + last.size() + " lines of " + log + "\n" + String.join("\n", last);
        } catch (IOException e) {
            return "---- " + name + ": cannot read " + log + ": " + e;
        }
    }

    /** An IPv6 literal in brackets, anything else as it is. */
    private static String uriHost(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** Stops the service: SIGTERM, then SIGKILL if it has not exited after 30 s; waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
