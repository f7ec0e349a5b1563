package org.callsign.benchmarks.signaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.callsign.benchmarks.idp.ProcCpu;

/**
 * One relay at one number of connections: its devices, the server's memory and idle CPU before and after connecting
 * them all, then each offered load of {@link RelayLevel}. The same steps for every {@link RelayTarget}.
 */
final class RelayRun {
    static final int DEVICES_PER_CLIENT = 10;
    private static final int CONNECTING_AT_ONCE = 200;
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** A relay has caught up once it uses less than this share of a core over {@link #SETTLE_STEP_MILLIS}. */
    private static final double SETTLED_CORES = 0.05;

    private static final long SETTLE_STEP_MILLIS = 500;
    private static final long SETTLE_MAX_MILLIS = 60_000;

    /**
     * The server's memory and idle CPU with no device connected and with all of them connected.
     *
     * @param heapBefore live heap (JVM) or V8 heap in use (Node) after full collections, bytes
     * @param rssBefore resident set size, bytes
     * @param idleCores the server's CPU time per second over 5 s with every device connected and silent
     * @param connectSeconds how long connecting them all took
     */
    record Memory(
            long heapBefore, long heapAfter, long rssBefore, long rssAfter, double idleCores, double connectSeconds) {}

    /** One measured level, with the 1-minute load average read as it started. */
    record Level(int offered, RelayLevel.Result result, String loadAverage) {}

    /** What the run measured. */
    record Outcome(String server, int connections, Memory memory, List<Level> levels) {}

    private RelayRun() {}

    /**
     * An unmeasured load run once before the first level, so that the first level does not include the JIT's (or
     * V8's) warm-up: {@code rate} messages per second for {@code nanos}. {@link #NONE} runs nothing.
     */
    record Prime(int rate, long nanos) {
        static final Prime NONE = new Prime(0, 0);
    }

    /**
     * Runs {@code rates} against {@code relay} with {@code count} devices connected, after {@code prime}. Before
     * each level the relay is given time to catch up with the one before (at most a minute), so that a backlog left
     * by an overloaded level is not counted against the next.
     */
    static Outcome run(RelayTarget relay, int count, int[] rates, long warmUpNanos, long durationNanos, Prime prime)
            throws Exception {
        System.out.printf("==> %s, %,d connections: preparing devices%n", relay.name(), count);
        List<BenchDevice> devices = relay.devices(count, DEVICES_PER_CLIENT);
        long heapBefore = relay.liveHeapBytes();
        long rssBefore = relay.residentBytes();

        RelayLevel[] current = new RelayLevel[1];
        DeviceSocket.Inbox inbox = (socket, message, nanos) -> {
            RelayLevel level = current[0];
            if (level != null) {
                level.received(socket, message, nanos);
            }
        };
        long connectStart = System.nanoTime();
        List<DeviceSocket> sockets = connect(relay, devices, inbox);
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        TimeUnit.SECONDS.sleep(3);
        long idleStart = relay.cpuNanos();
        TimeUnit.NANOSECONDS.sleep(IDLE_NANOS);
        double idleCores = (relay.cpuNanos() - idleStart) / (double) IDLE_NANOS;
        Memory memory = new Memory(
                heapBefore, relay.liveHeapBytes(), rssBefore, relay.residentBytes(), idleCores, connectSeconds);
        System.out.printf(
                "    connected in %.1f s; heap %.1f -> %.1f MiB (%.1f KiB per connection), RSS %.1f -> %.1f MiB"
                        + " (%.1f KiB per connection); idle %.3f cores%n",
                connectSeconds,
                memory.heapBefore() / 1048576.0,
                memory.heapAfter() / 1048576.0,
                (memory.heapAfter() - memory.heapBefore()) / 1024.0 / count,
                memory.rssBefore() / 1048576.0,
                memory.rssAfter() / 1048576.0,
                (memory.rssAfter() - memory.rssBefore()) / 1024.0 / count,
                idleCores);

        List<DeviceSocket[]> pairs = new ArrayList<>();
        for (int i = 0; i + 1 < sockets.size(); i += 2) {
            if (sockets.get(i)
                    .device()
                    .clientId()
                    .equals(sockets.get(i + 1).device().clientId())) {
                pairs.add(new DeviceSocket[] {sockets.get(i), sockets.get(i + 1)});
            }
        }
        Map<String, String> sdpJson = sdpJson(devices);
        printCallSize(
                relay.wire(), devices.get(1).id(), sdpJson.get(devices.get(0).id()));
        if (prime.rate() > 0) {
            RelayLevel level = new RelayLevel(pairs, relay.wire(), sdpJson, "n" + count + "p");
            current[0] = level;
            RelayLevel.Result result =
                    level.run(prime.rate(), prime.nanos(), SETTLE_STEP_MILLIS * 1_000_000, relay::cpuNanos);
            current[0] = null;
            System.out.printf(
                    "    primed at %,d msg/s for %.0f s, unmeasured (p99 at its end %.1f ms)%n",
                    prime.rate(), prime.nanos() / 1e9, result.p99());
        }
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < rates.length; i++) {
            settle(relay);
            RelayLevel level = new RelayLevel(pairs, relay.wire(), sdpJson, "n" + count + "r" + i);
            String loadAverage = ProcCpu.loadAverage();
            current[0] = level;
            RelayLevel.Result result = level.run(rates[i], warmUpNanos, durationNanos, relay::cpuNanos);
            current[0] = null;
            if (!relay.alive()) {
                throw new IllegalStateException(relay.name() + " died; see " + relay.log());
            }
            System.out.printf(
                    "    offered %,6d msg/s: sent %,8.0f, delivered %,8.0f msg/s; p50 %.2f ms, p99 %.2f ms, max %.1f ms;"
                            + " server %.2f cores, %.0f us/msg; schedule lag max %.1f ms; undelivered %d; errors %s;"
                            + " load average %s%n",
                    rates[i],
                    result.sent(),
                    result.delivered(),
                    result.p50(),
                    result.p99(),
                    result.max(),
                    result.serverCores(),
                    result.serverMicrosPerMessage(),
                    result.maxLagMillis(),
                    result.undelivered(),
                    result.errors(),
                    loadAverage);
            levels.add(new Level(rates[i], result, loadAverage));
        }
        sockets.forEach(DeviceSocket::close);
        return new Outcome(relay.name(), count, memory, levels);
    }

    /** Waits until {@code relay} uses next to no CPU, at most {@link #SETTLE_MAX_MILLIS}; says so if it took long. */
    private static void settle(RelayTarget relay) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(SETTLE_MAX_MILLIS);
        long before = relay.cpuNanos();
        while (System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(SETTLE_STEP_MILLIS);
            long now = relay.cpuNanos();
            if ((now - before) / (SETTLE_STEP_MILLIS * 1e6) < SETTLED_CORES) {
                break;
            }
            before = now;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (seconds > 2 * SETTLE_STEP_MILLIS / 1e3) {
            System.out.printf("    the relay caught up with the previous level in %.1f s%n", seconds);
        }
    }

    /** Connects every device, a bounded number at a time, and waits for each greeting. */
    private static List<DeviceSocket> connect(RelayTarget relay, List<BenchDevice> devices, DeviceSocket.Inbox inbox)
            throws Exception {
        HttpClient[] clients = new HttpClient[4];
        Arrays.setAll(clients, i -> HttpClient.newHttpClient());
        Semaphore permits = new Semaphore(CONNECTING_AT_ONCE);
        List<CompletableFuture<DeviceSocket>> opening = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            permits.acquire();
            opening.add(DeviceSocket.open(clients[i % clients.length], relay, devices.get(i), inbox)
                    .whenComplete((socket, error) -> permits.release()));
        }
        List<DeviceSocket> sockets = new ArrayList<>(devices.size());
        for (CompletableFuture<DeviceSocket> future : opening) {
            sockets.add(future.get(60, TimeUnit.SECONDS));
        }
        return sockets;
    }

    /** Each device's SDP (the webrtc-java offer with the device's fingerprint) as a JSON string literal. */
    private static Map<String, String> sdpJson(List<BenchDevice> devices) throws IOException {
        String template;
        try (InputStream in = RelayRun.class.getResourceAsStream("offer.sdp")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\r\n", "\n")
                    .replace("\n", "\r\n");
        }
        ObjectMapper json = new ObjectMapper();
        Map<String, String> sdp = new LinkedHashMap<>();
        for (BenchDevice device : devices) {
            String own = template.replaceAll("(?m)^a=fingerprint:.*$", "a=fingerprint:sha-256 " + device.fingerprint());
            sdp.put(device.id(), json.writeValueAsString(own));
        }
        return sdp;
    }

    /** The bytes of one call's seven messages as this relay's devices send them. */
    private static void printCallSize(RelayWire wire, String to, String sdpJson) {
        String session = "n1000r0-00000123";
        int offer = bytes(wire.offer(to, session, sdpJson));
        int total = offer
                + bytes(wire.answer(to, session, sdpJson))
                + 2 * bytes(wire.candidate(to, session, "a1"))
                + 2 * bytes(wire.candidate(to, session, "b1"))
                + bytes(wire.bye(to, session));
        System.out.printf("    one call sends %,d bytes in 7 messages (offer %,d bytes)%n", total, offer);
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
