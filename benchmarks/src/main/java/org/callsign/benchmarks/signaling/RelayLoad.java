package org.callsign.benchmarks.signaling;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.callsign.benchmarks.idp.ProcCpu;

/**
 * The signaling-server load generator: for each number of connections, starts the packaged server, registers that
 * many devices (ten per client), measures the server's heap and resident memory before and after connecting them
 * all (memory per idle connection), then runs each offered load of {@link RelayLevel} and reports messages per
 * second, relay latency and server CPU. Run by {@code benchmarks/run-signaling}; its header lists the settings.
 *
 * <p>Arguments, {@code key=value}: {@code jar}, {@code java}, {@code results} (a directory), {@code connections}
 * (e.g. {@code 1000,10000}), {@code rates} (messages per second, e.g. {@code 1000,2000,4000}), {@code warmup} and
 * {@code duration} (seconds per level), {@code serverFlags} (space-separated).
 */
public final class RelayLoad {
    private static final int DEVICES_PER_CLIENT = 10;
    private static final int CONNECTING_AT_ONCE = 200;

    private RelayLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path jar = Path.of(options.get("jar"));
        Path java = Path.of(options.get("java"));
        Path results = Files.createDirectories(Path.of(options.get("results")));
        int[] connections = ints(options.getOrDefault("connections", "1000,10000"));
        int[] rates = ints(options.getOrDefault("rates", "1000,2000,4000"));
        long warmUp = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("warmup", "5")));
        long duration = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("duration", "15")));
        List<String> serverFlags =
                List.of(options.getOrDefault("serverFlags", "-Xms1g -Xmx1g").split(" "));
        Path jcmd = java.resolveSibling("jcmd");

        StringBuilder tsv = new StringBuilder(
                "connections\toffered\tsent\tdelivered\tp50_ms\tp99_ms\tmax_ms\tmax_lag_ms\tserver_cores\tserver_us_per_msg\tundelivered\terrors\n");
        StringBuilder memory = new StringBuilder("connections\theap_before\theap_after\trss_before\trss_after\n");
        for (int count : connections) {
            Path log = results.resolve("signaling-server-" + count + ".log");
            try (SignalingServer server = SignalingServer.start(java, serverFlags, jar, log, count)) {
                System.out.printf("==> %,d connections: registering devices%n", count);
                List<BenchDevice> devices = BenchDevices.register(server.base(), count, DEVICES_PER_CLIENT);
                HeapProbe probe = new HeapProbe(jcmd, server.pid());
                long heapBefore = probe.liveHeapBytes();
                long rssBefore = probe.residentBytes();

                RelayLevel[] current = new RelayLevel[1];
                DeviceSocket.Inbox inbox = (socket, message, nanos) -> {
                    RelayLevel level = current[0];
                    if (level != null) {
                        level.received(socket, message, nanos);
                    }
                };
                System.out.printf("==> %,d connections: connecting%n", count);
                long connectStart = System.nanoTime();
                List<DeviceSocket> sockets = connect(server, devices, inbox);
                double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
                TimeUnit.SECONDS.sleep(3);
                long heapAfter = probe.liveHeapBytes();
                long rssAfter = probe.residentBytes();
                memory.append(count)
                        .append('\t')
                        .append(heapBefore)
                        .append('\t')
                        .append(heapAfter)
                        .append('\t')
                        .append(rssBefore)
                        .append('\t')
                        .append(rssAfter)
                        .append('\n');
                System.out.printf(
                        "    connected in %.1f s; live heap %.1f -> %.1f MiB (%.1f KiB per connection), RSS %.1f -> %.1f MiB%n",
                        connectSeconds,
                        heapBefore / 1048576.0,
                        heapAfter / 1048576.0,
                        (heapAfter - heapBefore) / 1024.0 / count,
                        rssBefore / 1048576.0,
                        rssAfter / 1048576.0);

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
                for (int i = 0; i < rates.length; i++) {
                    RelayLevel level = new RelayLevel(pairs, sdpJson, "n" + count + "r" + i);
                    current[0] = level;
                    RelayLevel.Result result = level.run(rates[i], warmUp, duration, server.pid());
                    current[0] = null;
                    if (!server.alive()) {
                        throw new IllegalStateException("the server died; see " + log);
                    }
                    System.out.printf(
                            "    offered %,6d msg/s: sent %,8.0f, delivered %,8.0f msg/s; p50 %.2f ms, p99 %.2f ms, max %.1f ms;"
                                    + " server %.2f cores, %.0f us/msg; schedule lag max %.1f ms; undelivered %d; errors %s%n",
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
                            result.errors());
                    tsv.append(String.format(
                            "%d\t%d\t%.0f\t%.0f\t%.3f\t%.3f\t%.3f\t%.1f\t%.3f\t%.1f\t%d\t%s%n",
                            count,
                            rates[i],
                            result.sent(),
                            result.delivered(),
                            result.p50(),
                            result.p99(),
                            result.max(),
                            result.maxLagMillis(),
                            result.serverCores(),
                            result.serverMicrosPerMessage(),
                            result.undelivered(),
                            result.errors()));
                }
                sockets.forEach(DeviceSocket::close);
            }
        }
        Files.writeString(results.resolve("signaling-load.tsv"), tsv);
        Files.writeString(results.resolve("signaling-memory.tsv"), memory);
        System.out.println("==> load average now: " + ProcCpu.loadAverage());
    }

    /** Connects every device, a bounded number at a time, and waits for each welcome. */
    private static List<DeviceSocket> connect(
            SignalingServer server, List<BenchDevice> devices, DeviceSocket.Inbox inbox) throws Exception {
        HttpClient[] clients = new HttpClient[4];
        Arrays.setAll(clients, i -> HttpClient.newHttpClient());
        Semaphore permits = new Semaphore(CONNECTING_AT_ONCE);
        List<CompletableFuture<DeviceSocket>> opening = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            permits.acquire();
            opening.add(DeviceSocket.open(clients[i % clients.length], server.base(), devices.get(i), inbox)
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
        try (InputStream in = RelayLoad.class.getResourceAsStream("offer.sdp")) {
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

    private static int[] ints(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
