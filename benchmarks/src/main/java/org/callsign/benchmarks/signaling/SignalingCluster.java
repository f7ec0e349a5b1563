package org.callsign.benchmarks.signaling;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callsign.benchmarks.ChildProcesses;
import org.callsign.server.store.LocalRedis;
import org.callsign.server.store.RedisServerCondition;

/**
 * signaling-server in cluster mode (docs/operations.md): a durable {@link LocalRedis} and two packaged nodes on it,
 * each a {@link SignalingServer} with the same JVM flags and benchmark settings plus {@code store.kind=redis}, the
 * Redis URL, the key prefix {@value #KEY_PREFIX} and {@code cluster.enabled=true} (heartbeat and node timeout at
 * their defaults).
 *
 * <p>The load crosses nodes: of the devices of a client, the first, third… connect to node 1 and the second,
 * fourth… to node 2, so that each pair that calls (a client's devices two by two) has one device on either node. A
 * client's signaling runs on its home, the node of its first connection; each client's first device connects to node
 * 1 before the others connect, so node 1 is every client's home, and its devices on node 2 are forwarded there over
 * Redis pub/sub: every relayed message crosses it once. Clients and devices are registered through node 1.
 *
 * <p>CPU time and memory are those of both nodes and Redis together; the live heap is both JVMs' plus Redis's
 * {@code used_memory}. Logs: {@code <log>-node-1.log}, {@code <log>-node-2.log}, {@code <log>-redis.log}.
 */
final class SignalingCluster implements RelayTarget {
    static final String KEY_PREFIX = "callsign:bench:";

    private static final Pattern VERSION = Pattern.compile("v=(\\S+)");
    private static final Pattern USED_MEMORY = Pattern.compile("(?m)^used_memory:(\\d+)\\s*$");

    private final LocalRedis redis;
    private final Path redisLog;
    private final List<SignalingServer> nodes;
    private final Path logs;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, CompletableFuture<Void>> homes = new ConcurrentHashMap<>();

    private SignalingCluster(LocalRedis redis, Path redisLog, List<SignalingServer> nodes, Path logs) {
        this.redis = redis;
        this.redisLog = redisLog;
        this.nodes = nodes;
        this.logs = logs;
    }

    /** The {@code redis-server} on the {@code PATH} (Debian's is {@code /usr/bin/redis-server}). */
    static Path redisBinary() {
        return RedisServerCondition.binary()
                .orElseThrow(() -> new IllegalStateException(
                        "redis-server is not on the PATH: the signaling-cluster relay runs its two nodes on a local"
                                + " Redis (Debian: apt-get install redis-server)"));
    }

    /** The version {@code redis-server --version} names, e.g. {@code 7.0.15}. */
    static String redisVersion(Path binary) throws IOException, InterruptedException {
        String text = ChildProcesses.output(binary.toString(), "--version");
        Matcher number = VERSION.matcher(text);
        return number.find() ? number.group(1) : text;
    }

    /**
     * Starts a durable {@link LocalRedis} (loopback, a free port, {@link LocalRedis#DURABLE}) and then the two nodes of
     * {@code jar}, as {@link SignalingServer#start} does, logging beside {@code log} (whose name, less {@code .log},
     * starts theirs).
     */
    static SignalingCluster start(Path java, List<String> jvmFlags, Path jar, Path log, int connections)
            throws IOException {
        String stem = log.getFileName().toString().replaceFirst("\\.log$", "");
        LocalRedis store = new LocalRedis().start();
        List<SignalingServer> nodes = new ArrayList<>();
        SignalingCluster cluster = new SignalingCluster(
                store, log.resolveSibling(stem + "-redis.log"), nodes, log.resolveSibling(stem + "-*.log"));
        Map<String, String> properties = Map.of(
                "callsign.signaling.store.kind",
                "redis",
                "callsign.signaling.store.redis.url",
                store.url(),
                "callsign.signaling.store.redis.key-prefix",
                KEY_PREFIX,
                "callsign.signaling.cluster.enabled",
                "true");
        try {
            for (int node = 1; node <= 2; node++) {
                Path nodeLog = log.resolveSibling(stem + "-node-" + node + ".log");
                nodes.add(SignalingServer.start(java, jvmFlags, jar, nodeLog, connections, properties));
            }
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return "signaling-cluster";
    }

    @Override
    public RelayWire wire() {
        return CallsignWire.SIGNALING_SERVER;
    }

    /** Registers the devices through node 1; {@code perClient} must be even, so that pairs split across nodes. */
    @Override
    public List<BenchDevice> devices(int count, int perClient) throws Exception {
        if (perClient % 2 != 0) {
            throw new IllegalArgumentException("the cluster needs an even number of devices per client: " + perClient);
        }
        List<BenchDevice> devices = nodes.get(0).devices(count, perClient);
        Map<String, Integer> seen = new HashMap<>();
        for (BenchDevice device : devices) {
            positions.put(device.id(), seen.merge(device.clientId(), 1, Integer::sum) - 1);
        }
        return devices;
    }

    /**
     * Connects a client's first device to node 1 at once, and every other device, once that one is greeted, to the
     * node its position within the client names.
     */
    @Override
    public CompletableFuture<WebSocket> connect(HttpClient http, BenchDevice device, DeviceSocket socket) {
        int position = positions.get(device.id());
        SignalingServer node = nodes.get(position % 2);
        CompletableFuture<Void> home = homes.computeIfAbsent(device.clientId(), client -> new CompletableFuture<>());
        if (position == 0) {
            socket.greeted().whenComplete((greeted, failure) -> {
                if (failure == null) {
                    home.complete(null);
                } else {
                    home.completeExceptionally(failure);
                }
            });
            return node.connect(http, device, socket);
        }
        return home.thenCompose(claimed -> node.connect(http, device, socket));
    }

    @Override
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        nodes.forEach(node -> pids.addAll(node.pids()));
        pids.add(redis.pid());
        return pids;
    }

    @Override
    public boolean alive() {
        return ProcessHandle.of(redis.pid()).map(ProcessHandle::isAlive).orElse(false)
                && nodes.stream().allMatch(SignalingServer::alive);
    }

    @Override
    public long liveHeapBytes() {
        return nodes.stream().mapToLong(SignalingServer::liveHeapBytes).sum() + redisUsedMemory();
    }

    /**
     * The bytes Redis's allocator holds for its data ({@code used_memory} of {@code INFO memory}): what it keeps, as a
     * JVM's live heap is what the nodes keep.
     */
    private long redisUsedMemory() {
        Matcher used = USED_MEMORY.matcher(redis.cli("INFO", "memory"));
        if (!used.find()) {
            throw new IllegalStateException("no used_memory in INFO memory; see " + redisLog);
        }
        return Long.parseLong(used.group(1));
    }

    @Override
    public Path log() {
        return logs;
    }

    /** Stops node 2, node 1, then Redis, each even if stopping another failed. */
    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            try {
                nodes.get(i).close();
            } catch (IOException e) {
                failed = e;
            }
        }
        try {
            Files.copy(redis.dir().resolve("redis.log"), redisLog, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            failed = e;
        }
        redis.close();
        if (failed != null) {
            throw failed;
        }
    }
}
