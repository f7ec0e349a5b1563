package org.callsign.signaling.turn;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callsign.signaling.ExternalServers;
import org.junit.jupiter.api.Assumptions;

/**
 * A real coturn {@code turnserver} on 127.0.0.1 for the test, with REST-API credentials ({@code use-auth-secret}).
 * Where coturn is not installed the test is skipped with a message, except under CI ({@code CI=true}), which
 * installs it and therefore fails instead.
 */
final class Coturn implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/turnserver");
    static final String REALM = "callsign.test";
    private static final String MISSING = "coturn is not installed (" + BINARY + "): apt-get install coturn";

    private final Process process;
    private final InetSocketAddress address;
    private final Path log;

    private Coturn(Process process, InetSocketAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /** Whether coturn is installed; under CI its absence is an error ({@link IllegalStateException}). */
    static boolean installed() {
        if (Files.isExecutable(BINARY)) {
            return true;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING);
        }
        return false;
    }

    /** Skips the calling test, with a message, where coturn is not installed (outside CI). */
    static void assumeInstalled() {
        if (!installed()) {
            Assumptions.abort(MISSING + "; skipping the TURN test");
        }
    }

    static Coturn start(String secret, Path dir) throws IOException, InterruptedException {
        assumeInstalled();
        int port = freeUdpPort();
        Path log = dir.resolve("turnserver.log");
        Process process = new ProcessBuilder(List.of(
                        BINARY.toString(),
                        "-n",
                        "--listening-ip=127.0.0.1",
                        "--listening-port=" + port,
                        "--relay-ip=127.0.0.1",
                        "--min-port=49152",
                        "--max-port=65535",
                        "--use-auth-secret",
                        "--static-auth-secret=" + secret,
                        "--realm=" + REALM,
                        "--no-tls",
                        "--no-dtls",
                        "--no-cli",
                        "--log-file=stdout",
                        "--simple-log",
                        "--userdb=" + dir.resolve("turndb"),
                        "--pidfile=" + dir.resolve("turnserver.pid")))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Coturn coturn = new Coturn(process, new InetSocketAddress("127.0.0.1", port), log);
        coturn.awaitReady();
        return coturn;
    }

    InetSocketAddress address() {
        return address;
    }

    String url() {
        return "turn:127.0.0.1:" + address.getPort() + "?transport=udp";
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        try (TurnClient client = new TurnClient(address)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("turnserver exited: " + Files.readString(log));
                }
                try {
                    if (client.binding().type() == TurnClient.BINDING_SUCCESS) {
                        return;
                    }
                } catch (IOException e) {
                    Thread.sleep(100);
                }
            }
        }
        close();
        throw new IllegalStateException("turnserver did not answer within 15 s: " + Files.readString(log));
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        ExternalServers.stop(process);
    }
}
