package org.callsign.signaling.mail;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.callsign.signaling.ExternalServers;
import org.junit.jupiter.api.Assumptions;

/**
 * A real SMTP server on 127.0.0.1 for the test: Debian's aiosmtpd, run by {@code src/test/resources/smtp/smtp_server.py},
 * which writes each accepted message to a file. Where aiosmtpd is not installed the test is skipped with a message,
 * except under CI ({@code CI=true}), which installs it and therefore fails instead.
 */
public final class SmtpServer implements AutoCloseable {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String MISSING = "aiosmtpd is not installed: apt-get install python3-aiosmtpd";

    private final Process process;
    private final int port;
    private final Path out;

    private SmtpServer(Process process, int port, Path out) {
        this.process = process;
        this.port = port;
        this.out = out;
    }

    /** Whether aiosmtpd is installed; under CI its absence is an error ({@link IllegalStateException}). */
    public static boolean installed() {
        boolean installed = false;
        if (Files.isExecutable(PYTHON)) {
            try {
                Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import aiosmtpd")
                        .redirectErrorStream(true)
                        .start();
                installed = probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
            } catch (IOException e) {
                installed = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING);
        }
        return installed;
    }

    /** Skips the calling test, with a message, where aiosmtpd is not installed (outside CI). */
    public static void assumeInstalled() {
        if (!installed()) {
            Assumptions.abort(MISSING + "; skipping the SMTP test");
        }
    }

    /** Starts a server in {@code dir} with the script's options ({@code --starttls CERT KEY}, {@code --auth USER:PASSWORD}). */
    public static SmtpServer start(Path dir, String... options) throws IOException, InterruptedException {
        assumeInstalled();
        Path script = dir.resolve("smtp_server.py");
        try (InputStream in = SmtpServer.class.getResourceAsStream("/smtp/smtp_server.py")) {
            Files.copy(in, script);
        }
        Path out = Files.createDirectories(dir.resolve("messages"));
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                PYTHON.toString(), script.toString(), "--port", Integer.toString(port), "--out", out.toString()));
        command.addAll(List.of(options));
        Path log = dir.resolve("smtp.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!Files.readString(log).contains("ready")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("SMTP server did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return new SmtpServer(process, port, out);
    }

    /** A certificate and its private key, PEM files. */
    public record Certificate(Path cert, Path key) {}

    /** A self-signed certificate for 127.0.0.1 ({@code cert.pem}, {@code key.pem} in {@code dir}), made by openssl. */
    public static Certificate certificate(Path dir) throws IOException, InterruptedException {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder(
                        "openssl",
                        "req",
                        "-x509",
                        "-newkey",
                        "ec",
                        "-pkeyopt",
                        "ec_paramgen_curve:prime256v1",
                        "-nodes",
                        "-keyout",
                        key.toString(),
                        "-out",
                        cert.toString(),
                        "-days",
                        "2",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1")
                .redirectErrorStream(true)
                .start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IllegalStateException("openssl failed: " + output);
        }
        return new Certificate(cert, key);
    }

    public int port() {
        return port;
    }

    /** The directory the server writes received messages to. */
    public Path out() {
        return out;
    }

    /** The messages a server wrote to {@code out} so far, oldest first, each with its {@code X-Test-*} lines first. */
    public static List<String> messages(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            List<String> messages = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".eml"))
                    .sorted()
                    .toList()) {
                messages.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            return messages;
        }
    }

    /** Waits up to {@code timeout} for the {@code count}th message in {@code out}; returns the messages. */
    public static List<String> awaitMessages(Path out, int count, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> messages = messages(out);
        while (messages.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            messages = messages(out);
        }
        return messages;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("127.0.0.1", 0));
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        ExternalServers.stop(process);
    }
}
