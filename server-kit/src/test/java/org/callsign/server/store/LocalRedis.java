package org.callsign.server.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.callsign.server.cluster.RedisBus;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} for tests, on 127.0.0.1 and a free port, in a temporary directory of its own, durable as
 * {@link RedisKeyValueStore} needs ({@code --appendonly yes --appendfsync always --save ''}) unless told otherwise.
 *
 * <p>As a JUnit extension ({@code @RegisterExtension static final LocalRedis REDIS = new LocalRedis();}) it starts
 * before the class's tests and stops after them, and the class is skipped where {@code redis-server} is not installed
 * (see {@link RedisServerCondition}). Elsewhere (a Quarkus test resource) call {@link #start()} and {@link #close()}.
 * {@link #kill()} and {@link #start()} again restart it on the same port and directory, as after a crash.
 */
public final class LocalRedis implements BeforeAllCallback, AfterAllCallback, ExecutionCondition, AutoCloseable {

    /** The arguments that make every acknowledged write durable. */
    public static final List<String> DURABLE = List.of("--appendonly", "yes", "--appendfsync", "always", "--save", "");

    /** The store timeout of {@link #storeConfig}. */
    public static final String TEST_TIMEOUT = "1s";

    private static final long START_MILLIS = 20_000;
    private static final int PORT_ATTEMPTS = 5;

    private final List<String> arguments;
    private Path dir;
    private int port;
    private Process process;
    private Path tlsCertificate;
    private Path tlsKey;
    private int tlsPort;

    /** A durable server ({@link #DURABLE}) with {@code extraArguments} after, which win (e.g. {@code --requirepass}). */
    public LocalRedis(String... extraArguments) {
        arguments = new ArrayList<>(DURABLE);
        arguments.addAll(List.of(extraArguments));
    }

    /**
     * Also listens for TLS on a port of its own ({@link #tlsPort()}), with the PEM files {@code certificate} and
     * {@code key}, without asking clients for certificates. Before {@link #start()}.
     */
    public LocalRedis withTls(Path certificate, Path key) {
        tlsCertificate = certificate;
        tlsKey = key;
        return this;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return new RedisServerCondition().evaluateExecutionCondition(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /**
     * Starts the server and waits until it answers; again after {@link #kill()}, on the same port and directory.
     *
     * @throws IllegalStateException if {@code redis-server} is not installed or does not come up
     */
    public LocalRedis start() {
        Path binary = RedisServerCondition.binary()
                .orElseThrow(
                        () -> new IllegalStateException(
                                RedisServerCondition.BINARY
                                        + " not installed (on the PATH); under CI=true the tests that need it fail instead of skipping"));
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("local-redis");
            }
            boolean fixedPort = port != 0;
            for (int attempt = 1; ; attempt++) {
                if (!fixedPort) {
                    port = freePort();
                    tlsPort = tlsCertificate == null ? 0 : freePort();
                }
                process = new ProcessBuilder(command(binary))
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                        .start();
                if (awaitReady()) {
                    return this;
                }
                // Another process may have taken the port between freePort() and the start.
                if (fixedPort || attempt == PORT_ATTEMPTS) {
                    throw new IllegalStateException("redis-server did not start on port " + port + "; its log:\n"
                            + Files.readString(log(), UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting redis-server", e);
        }
    }

    /** Kills the server with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing redis-server", e);
        }
        process = null;
    }

    /** Stops the server and deletes its directory. */
    @Override
    public void close() {
        kill();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            dir = null;
        }
        port = 0;
        tlsPort = 0;
    }

    /** The process id of the running server (to stop it with SIGSTOP, for example). */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("redis-server is not running");
        }
        return process.pid();
    }

    /** The server's port. */
    public int port() {
        return port;
    }

    /** The server's TLS port, after {@link #withTls}. */
    public int tlsPort() {
        return tlsPort;
    }

    /** The server's directory (its append-only files and its log). */
    public Path dir() {
        return dir;
    }

    /** {@code redis://127.0.0.1:<port>}, without credentials. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * The configuration that puts a service's store on this server ({@code prefix} as {@code callsign.idp.store}):
     * {@code <prefix>.kind=redis}, {@code <prefix>.redis.url}, and a timeout of {@link #TEST_TIMEOUT} so that tests of
     * an unanswering server are quick.
     */
    public Map<String, String> storeConfig(String prefix) {
        return Map.of(prefix + ".kind", "redis", prefix + ".redis.url", url(), prefix + ".redis.timeout", TEST_TIMEOUT);
    }

    /**
     * A {@link RedisBus} on this server, waiting up to {@code timeout} for each command, subscribed to one channel and
     * deaf to what arrives there: for tests of what a cluster keeps in Redis (limits, caches). Close it after.
     */
    public RedisBus bus(Duration timeout) {
        return RedisBus.open(
                new RedisStoreOptions(url(), "callsign:").withTimeout(timeout),
                List.of("test-bus"),
                new RedisBus.Listener() {
                    @Override
                    public void message(String channel, String message) {}

                    @Override
                    public void lost() {}
                });
    }

    /** Runs {@code redis-cli} against the server with {@code arguments} (options first, then the command). */
    public String cli(String... arguments) {
        return cli(port, arguments);
    }

    /** Runs {@code redis-cli} against the server on 127.0.0.1 and {@code port}; its output, without the last newline. */
    public static String cli(int port, String... arguments) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", Integer.toString(port)));
        command.addAll(List.of(arguments));
        try {
            Process cli = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(cli.getInputStream().readAllBytes(), UTF_8).strip();
            if (!cli.waitFor(10, TimeUnit.SECONDS) || cli.exitValue() != 0) {
                throw new IllegalStateException("redis-cli " + String.join(" ", arguments) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running redis-cli", e);
        }
    }

    private List<String> command(Path binary) {
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--bind",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--dir",
                dir.toString(),
                "--daemonize",
                "no",
                "--protected-mode",
                "yes"));
        if (tlsCertificate != null) {
            command.addAll(List.of(
                    "--tls-port", Integer.toString(tlsPort),
                    "--tls-cert-file", tlsCertificate.toString(),
                    "--tls-key-file", tlsKey.toString(),
                    "--tls-auth-clients", "no"));
        }
        command.addAll(arguments);
        return command;
    }

    private Path log() {
        return dir.resolve("redis.log");
    }

    /** Waits until the server answers PING (or asks for a password), false if it exits first. */
    private boolean awaitReady() throws InterruptedException {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                process = null;
                return false;
            }
            if (answersPing()) {
                return true;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("redis-server on port " + port + " not ready within " + START_MILLIS + " ms");
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[64];
            int read = in.read(reply);
            String line = read <= 0 ? "" : new String(reply, 0, read, UTF_8);
            // -LOADING: still reading its append-only file.
            return line.startsWith("+PONG") || line.startsWith("-NOAUTH");
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
