package org.callsign.signaling.cluster;

import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.callsign.server.store.LocalRedis;
import org.callsign.signaling.PackagedServer;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;

/**
 * Packaged signaling servers as nodes of one cluster on a {@link LocalRedis}: each with its own data directory and
 * log under {@code target/cluster/}, a short heartbeat ({@value #HEARTBEAT}) and node timeout ({@value #NODE_TIMEOUT})
 * so that a dead node is noticed within about a second, message rates that let a test send bursts, and the test
 * admin secret. The REST API of the first node is
 * RestAssured's, so that {@link TestClients} registers through it.
 */
final class ClusterNodes implements AutoCloseable {
    static final String HEARTBEAT = "200ms";
    static final String NODE_TIMEOUT = "1s";
    static final String RESUME_WINDOW = "20s";

    private final LocalRedis redis;
    private final String name;
    private final Path dataDir;
    private final List<PackagedServer> nodes = new ArrayList<>();

    ClusterNodes(LocalRedis redis, String name, Path dataDir) {
        this.redis = redis;
        this.name = name;
        this.dataDir = dataDir;
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

    @Override
    public void close() throws InterruptedException {
        for (PackagedServer node : nodes) {
            node.close();
        }
    }

    private PackagedServer launch(int index) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(
                "callsign.signaling.data-dir", dataDir.resolve("node-" + index).toString());
        properties.put("callsign.signaling.clients.bcrypt-cost", "10");
        properties.put("callsign.signaling.registration.admin-secret", TestClients.ADMIN_SECRET);
        properties.put("callsign.signaling.store.kind", "redis");
        properties.put("callsign.signaling.store.redis.url", redis.url());
        properties.put("callsign.signaling.store.redis.key-prefix", "callsign:" + name + ":");
        properties.put("callsign.signaling.cluster.enabled", "true");
        properties.put("callsign.signaling.cluster.heartbeat", HEARTBEAT);
        properties.put("callsign.signaling.cluster.node-timeout", NODE_TIMEOUT);
        properties.put("callsign.signaling.websocket.resume-window", RESUME_WINDOW);
        // The tests send bursts of a hundred messages.
        properties.put("callsign.signaling.websocket.messages-per-second", "1000");
        properties.put("callsign.signaling.websocket.client-messages-per-second", "2000");
        try {
            return PackagedServer.start(properties, Path.of("target", "cluster", name + "-node-" + index + ".log"));
        } catch (IOException e) {
            throw new CompletionException(e);
        }
    }
}
