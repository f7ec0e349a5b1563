package org.callsign.benchmarks.signaling;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callsign.benchmarks.ChildProcesses;

/**
 * A {@code redis-server} as a child process for the cluster relay, set up as production runs it: loopback, a free
 * port, a temporary directory of its own (removed at the end), and every acknowledged write durable ({@code
 * --appendonly yes --appendfsync always --save ''}), so that the nodes need no {@code allow-weak-durability}. Its
 * commands go over a plain socket in RESP (the few the benchmark needs: {@code PING}, {@code INFO memory}).
 */
final class RedisServer implements AutoCloseable {
    /** The arguments that make every acknowledged write durable, as docs/operations.md asks. */
    static final List<String> DURABLE = List.of("--appendonly", "yes", "--appendfsync", "always", "--save", "");

    private static final long READY_TIMEOUT_MILLIS = 20_000;
    private static final Pattern VERSION = Pattern.compile("v=(\\S+)");
    private static final Pattern USED_MEMORY = Pattern.compile("(?m)^used_memory:(\\d+)\\s*$");

    private final Process process;
    private final Path directory;
    private final Path log;
    private final int port;

    private RedisServer(Process process, Path directory, Path log, int port) {
        this.process = process;
        this.directory = directory;
        this.log = log;
        this.port = port;
    }

    /** The {@code redis-server} on the {@code PATH} (Debian's is {@code /usr/bin/redis-server}). */
    static Path binary() {
        return ChildProcesses.onPath("redis-server")
                .orElseThrow(() -> new IllegalStateException(
                        "redis-server is not on the PATH: the signaling-cluster relay runs its two nodes on a local"
                                + " Redis (Debian: apt-get install redis-server)"));
    }

    /** The version {@code redis-server --version} names, e.g. {@code 7.0.15}. */
    static String version(Path binary) throws IOException, InterruptedException {
        String text = ChildProcesses.output(binary.toString(), "--version");
        Matcher number = VERSION.matcher(text);
        return number.find() ? number.group(1) : text;
    }

    /** Starts {@code binary}, output to {@code log}, and waits until it answers {@code PING}. */
    static RedisServer start(Path binary, Path log) throws IOException {
        Path directory = Files.createTempDirectory("callsign-redis-bench-");
        int port = ChildProcesses.freePort();
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--bind",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--dir",
                directory.toString(),
                "--daemonize",
                "no"));
        command.addAll(DURABLE);
        RedisServer redis = new RedisServer(ChildProcesses.start(command, directory, log), directory, log, port);
        try {
            ChildProcesses.awaitReady(
                    redis.process, "redis-server", READY_TIMEOUT_MILLIS, log.toString(), redis::answers);
            return redis;
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    /** {@code redis://127.0.0.1:<port>}. */
    String url() {
        return "redis://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /**
     * The bytes Redis's allocator holds for its data ({@code used_memory} of {@code INFO memory}): what it keeps, as
     * a JVM's live heap is what the nodes keep.
     */
    long usedMemoryBytes() {
        Matcher used = USED_MEMORY.matcher(command("INFO", "memory"));
        if (!used.find()) {
            throw new IllegalStateException("no used_memory in INFO memory; see " + log);
        }
        return Long.parseLong(used.group(1));
    }

    /** Stops the server (SIGTERM: it flushes the append-only file and exits) and removes its directory. */
    @Override
    public void close() throws IOException {
        ChildProcesses.stop(process, directory);
    }

    /** Whether the server answers {@code PING}. */
    private boolean answers() {
        try {
            return command("PING").equals("PONG");
        } catch (IllegalStateException e) {
            return false; // not listening yet
        }
    }

    /** Sends one command on a new connection and returns the reply, a simple or bulk string. */
    private String command(String... arguments) {
        StringBuilder request = new StringBuilder("*" + arguments.length + "\r\n");
        for (String argument : arguments) {
            request.append('$')
                    .append(argument.getBytes(StandardCharsets.UTF_8).length)
                    .append("\r\n")
                    .append(argument)
                    .append("\r\n");
        }
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String line = line(in);
            return switch (line.charAt(0)) {
                case '+' -> line.substring(1);
                case '$' -> new String(in.readNBytes(Integer.parseInt(line.substring(1))), StandardCharsets.UTF_8);
                default -> throw new IllegalStateException("redis-server answered " + arguments[0] + ": " + line);
            };
        } catch (IOException e) {
            throw new IllegalStateException("redis-server did not answer " + arguments[0] + ": " + e.getMessage(), e);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
