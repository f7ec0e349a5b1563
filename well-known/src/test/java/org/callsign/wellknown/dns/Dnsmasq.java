package org.callsign.wellknown.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real dnsmasq on 127.0.0.1 for the test, answering from its command line only (no upstream, no
 * {@code /etc/hosts}, no configuration file). Where dnsmasq is not installed the test is skipped with a
 * message, except under CI ({@code CI=true}), which installs it and therefore fails instead.
 */
final class Dnsmasq implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/sbin/dnsmasq");
    private static final String MISSING = "dnsmasq is not installed (" + BINARY + "): apt-get install dnsmasq-base";

    private final Process process;
    private final InetSocketAddress address;
    private final Path log;

    private Dnsmasq(Process process, InetSocketAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /** Skips the calling test, with a message, where dnsmasq is not installed (outside CI). */
    static void assumeInstalled() {
        if (Files.isExecutable(BINARY)) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING);
        }
        Assumptions.abort(MISSING + "; skipping the dnsmasq test");
    }

    /** Starts dnsmasq with {@code records} (its own options) and waits until it answers. */
    static Dnsmasq start(Path dir, List<String> records) throws IOException, InterruptedException {
        assumeInstalled();
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--no-daemon",
                "--no-resolv",
                "--no-hosts",
                "--conf-file=/dev/null",
                "--pid-file=" + dir.resolve("dnsmasq.pid"),
                "--log-facility=-",
                "--port=" + port,
                "--listen-address=127.0.0.1",
                "--bind-interfaces"));
        command.addAll(records);
        Path log = dir.resolve("dnsmasq.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Dnsmasq dnsmasq = new Dnsmasq(process, new InetSocketAddress("127.0.0.1", port), log);
        dnsmasq.awaitReady();
        return dnsmasq;
    }

    InetSocketAddress address() {
        return address;
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        byte[] query = new DnsQuery(1, "ready.test").encode();
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            probe.setSoTimeout(200);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("dnsmasq exited: " + Files.readString(log));
                }
                probe.send(new DatagramPacket(query, query.length, address));
                try {
                    probe.receive(new DatagramPacket(new byte[512], 512));
                    return;
                } catch (SocketTimeoutException e) {
                    // not listening yet
                }
            }
        }
        close();
        throw new IllegalStateException("dnsmasq did not answer within 10 s: " + Files.readString(log));
    }

    /** A port free for both UDP and TCP on 127.0.0.1, since dnsmasq listens on both. */
    private static int freePort() throws IOException {
        for (int i = 0; i < 20; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                    ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, udp.getLocalAddress())) {
                return tcp.getLocalPort();
            } catch (IOException e) {
                // the TCP side is taken: try another
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
