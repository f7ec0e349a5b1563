package org.callsign.signaling.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.callsign.server.store.LocalRedis;
import org.callsign.signaling.PackagedServer;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.federation.signature.FederationKeys;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension ({@code @RegisterExtension static final ClusterNodes CLUSTER = new ClusterNodes("name", 3);}): a
 * {@link LocalRedis} of its own, and packaged signaling servers as nodes of one cluster on it, started before the
 * class's tests and stopped after them; the class is skipped, as {@link LocalRedis} says, where {@code redis-server}
 * is missing. Each node has its own data directory (under a temporary directory) and log under {@code
 * target/cluster/}, a short heartbeat ({@value #HEARTBEAT}) and node timeout ({@value #NODE_TIMEOUT})
 * so that a dead node is noticed within about a second, message rates that let a test send bursts, the test
 * admin secret, one federation key made before they start (a cluster signs as one server), and the properties that
 * {@link #with} adds. The REST API of the first node is RestAssured's, so that {@link TestClients} registers through
 * it.
 */
final class ClusterNodes implements BeforeAllCallback, AfterAllCallback, ExecutionCondition {
    static final String HEARTBEAT = "200ms";
    static final String NODE_TIMEOUT = "1s";
    static final String RESUME_WINDOW = "20s";
    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");
    private static final String ACL_USER = "callsign-signaling";
    private static final String ACL_PASSWORD = "cluster-test-password";

    private final LocalRedis redis = new LocalRedis();
    private final String name;
    private final int initial;
    private final List<PackagedServer> nodes = new ArrayList<>();
    private Supplier<Map<String, String>> extra = Map::of;
    private Map<String, String> extraProperties = Map.of();
    private Path dataDir;

    /** A cluster named {@code name} (its logs' and key prefix's) of {@code initial} nodes to begin with. */
    ClusterNodes(String name, int initial) {
        this.name = name;
        this.initial = initial;
    }

    /**
     * Adds {@code properties} to every node's; they are asked for once, before the first node starts, so that what
     * they name (a server of the test's, say) can be started then.
     */
    ClusterNodes with(Supplier<Map<String, String>> properties) {
        this.extra = properties;
        return this;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return redis.evaluateExecutionCondition(context);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        redis.start();
        allowDocumentedCommands();
        dataDir = Files.createTempDirectory("callsign-cluster-");
        FederationKeys.loadOrCreate(federationKey());
        extraProperties = extra.get();
        start(initial);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        for (PackagedServer node : nodes) {
            node.close();
        }
        redis.close();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** The Redis under the nodes. */
    LocalRedis redis() {
        return redis;
    }

    /** Starts {@code count} more nodes in parallel; returns them. */
    List<PackagedServer> start(int count) {
        int first = nodes.size();
        List<CompletableFuture<PackagedServer>> starting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = first + i;
            starting.add(CompletableFuture.supplyAsync(() -> launch(index)));
        }
        List<PackagedServer> started =
                starting.stream().map(CompletableFuture::join).toList();
        nodes.addAll(started);
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = nodes.get(0).port();
        return started;
    }

    /** Node {@code index}, in the order started. */
    PackagedServer node(int index) {
        return nodes.get(index);
    }

    /** Connects a device of {@code devices} to {@code node}, resuming with {@code resume} if not null. */
    static SignalingClient connect(PackagedServer node, TwoDevices devices, String device, String resume) {
        String query = "device=" + device + (resume == null ? "" : "&resume=" + resume);
        return SignalingClient.open(node.webSocket(query), devices.token(), List.of())
                .greeted();
    }

    /**
     * Creates the Redis user that docs/operations.md gives for a cluster, with its rules as written there (the key
     * prefix changed to this cluster's), so that the nodes prove that it allows every command they send.
     */
    void allowDocumentedCommands() throws IOException {
        String documented = Files.readAllLines(OPERATIONS).stream()
                .filter(line -> line.startsWith("ACL SETUSER " + ACL_USER) && line.contains(" &"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no cluster ACL in " + OPERATIONS));
        List<String> rules = new ArrayList<>();
        for (String rule : documented.split(" ")) {
            rules.add(
                    rule.equals(">password")
                            ? ">" + ACL_PASSWORD
                            : rule.replace("callsign:signaling:", "callsign:" + name + ":"));
        }
        String answer = redis.cli(rules.toArray(String[]::new));
        if (!answer.equals("OK")) {
            throw new IllegalStateException("the documented ACL was refused: " + answer);
        }
    }

    /** Asserts that {@code client}'s connection resumed its line. */
    static void assertResumed(SignalingClient client) {
        assertTrue(
                client.welcome().path("resumed").asBoolean(), client.welcome().toString());
    }

    private Path federationKey() {
        return dataDir.resolve("federation-key.jwk");
    }

    private PackagedServer launch(int index) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(
                "callsign.signaling.data-dir", dataDir.resolve("node-" + index).toString());
        properties.put("callsign.signaling.clients.bcrypt-cost", "10");
        properties.put("callsign.signaling.registration.admin-secret", TestClients.ADMIN_SECRET);
        properties.put("callsign.signaling.store.kind", "redis");
        properties.put(
                "callsign.signaling.store.redis.url",
                "redis://" + ACL_USER + ":" + ACL_PASSWORD + "@127.0.0.1:" + redis.port());
        properties.put("callsign.signaling.store.redis.key-prefix", "callsign:" + name + ":");
        properties.put("callsign.signaling.cluster.enabled", "true");
        properties.put("callsign.signaling.cluster.heartbeat", HEARTBEAT);
        properties.put("callsign.signaling.cluster.node-timeout", NODE_TIMEOUT);
        properties.put("callsign.signaling.websocket.resume-window", RESUME_WINDOW);
        // The tests send bursts of a hundred messages.
        properties.put("callsign.signaling.websocket.messages-per-second", "1000");
        properties.put("callsign.signaling.websocket.client-messages-per-second", "2000");
        properties.put("callsign.signaling.federation.key-file", federationKey().toString());
        properties.putAll(extraProperties);
        try {
            return PackagedServer.start(properties, Path.of("target", "cluster", name + "-node-" + index + ".log"));
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }
}
