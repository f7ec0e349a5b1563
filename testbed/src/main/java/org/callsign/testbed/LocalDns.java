package org.callsign.testbed;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callsign.wellknown.dns.DnsException;
import org.callsign.wellknown.dns.DnsFailure;
import org.callsign.wellknown.dns.DnsResolverConfig;
import org.callsign.wellknown.dns.DnsSrvResolver;

/**
 * A dnsmasq on 127.0.0.1 that the signaling servers ask for SRV records ({@code callsign.signaling.net.dns-servers})
 * instead of the machine's resolver: it answers only from its command line, is authoritative for {@code .test}
 * ({@code --local=/test/}: every name not given is NXDOMAIN at once) and forwards nothing. So a lookup that falls back
 * to DNS SRV gets a definite answer in milliseconds, whatever network the machine has.
 */
final class LocalDns implements AutoCloseable {
    /** Where Debian's {@code dnsmasq-base} installs it. */
    static final Path BINARY = Path.of("/usr/sbin/dnsmasq");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final InetSocketAddress address;
    private final Path log;

    private LocalDns(Process process, InetSocketAddress address, Path log) {
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /**
     * Starts dnsmasq with {@code records} (dnsmasq options such as {@code --srv-host=…}), its pid file in
     * {@code directory} and its log at {@code log}, and waits until it answers.
     */
    static LocalDns start(Path directory, Path log, List<String> records) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    "this test class needs dnsmasq (" + BINARY + "): apt-get install dnsmasq-base");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--no-daemon",
                "--no-resolv",
                "--no-hosts",
                "--conf-file=/dev/null",
                "--pid-file=" + directory.resolve("dnsmasq.pid"),
                "--log-facility=-",
                "--log-queries",
                "--port=" + port,
                "--listen-address=127.0.0.1",
                "--bind-interfaces",
                "--local=/test/"));
        command.addAll(records);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalDns dns = new LocalDns(process, new InetSocketAddress("127.0.0.1", port), log);
        try {
            dns.awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            dns.close();
            throw e;
        }
        return dns;
    }

    /** {@code 127.0.0.1:<port>}, as {@code callsign.signaling.net.dns-servers} takes it. */
    String server() {
        return address.getHostString() + ":" + address.getPort();
    }

    /** Asks for a name it does not know until the answer is NXDOMAIN. */
    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        DnsSrvResolver probe = new DnsSrvResolver(DnsResolverConfig.builder()
                .servers(List.of(address))
                .timeout(Duration.ofMillis(200))
                .totalTimeout(Duration.ofMillis(500))
                .build());
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dnsmasq exited: " + Files.readString(log));
            }
            try {
                probe.lookup("_callsign._tcp.ready.test");
                throw new IllegalStateException("dnsmasq knows _callsign._tcp.ready.test");
            } catch (DnsException e) {
                if (e.failure() == DnsFailure.NO_SUCH_DOMAIN) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(
                "dnsmasq did not answer within " + READY_TIMEOUT + ": " + Files.readString(log));
    }

    /** A port free for both UDP and TCP on 127.0.0.1, since dnsmasq listens on both. */
    private static int freePort() throws IOException {
        for (int i = 0; i < 20; i++) {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
                    ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, udp.getLocalAddress())) {
                return tcp.getLocalPort();
            } catch (IOException e) {
                // The TCP side is taken: try another.
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
    }

    /** Stops dnsmasq (SIGTERM, then SIGKILL after 5 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
