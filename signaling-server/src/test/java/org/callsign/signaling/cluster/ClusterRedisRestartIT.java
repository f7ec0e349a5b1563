package org.callsign.signaling.cluster;

import static org.callsign.signaling.cluster.ClusterIT.answer;
import static org.callsign.signaling.cluster.ClusterIT.assertDelivered;
import static org.callsign.signaling.cluster.ClusterIT.offer;
import static org.callsign.signaling.cluster.ClusterNodes.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.callsign.server.store.LocalRedis;
import org.callsign.signaling.PackagedServer;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged nodes while their {@code redis-server} is killed and started again: every connection closes as {@code
 * node-lost} (frames may have been lost, and the nodes were taken for dead), the devices resume where they were, and
 * the call goes on: nothing acknowledged is lost.
 */
class ClusterRedisRestartIT {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    @TempDir
    static Path dataDir;

    @Test
    void devicesResumeTheirCallAfterRedisRestarts() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(REDIS, "restart", dataDir)) {
            List<PackagedServer> nodes = cluster.start(2);
            PackagedServer a = nodes.get(0);
            PackagedServer b = nodes.get(1);
            TwoDevices devices = TwoDevices.register("cluster-redis-restart");
            SignalingClient laptop = connect(a, devices, devices.laptop(), null);
            SignalingClient phone = connect(b, devices, devices.phone(), null);
            String laptopResume = laptop.welcome().path("resume").asText();
            String phoneResume = phone.welcome().path("resume").asText();
            assertDelivered(laptop.call(offer(devices, "redis-restart-1")));
            phone.await("offer");

            REDIS.kill();
            assertEquals(4503, phone.awaitClose(Duration.ofSeconds(10)).code(), "the forwarded connection ends");
            // Down for longer than the node timeout: when Redis is back, each node finds it was taken for dead.
            Thread.sleep(Duration.ofMillis(1_500).toMillis());
            REDIS.start();
            assertEquals(4503, laptop.awaitClose(Duration.ofSeconds(10)).code(), "the fenced home closes its own");
            a.awaitReady(Duration.ofSeconds(10));
            b.awaitReady(Duration.ofSeconds(10));

            try (SignalingClient laptopAgain = connect(a, devices, devices.laptop(), laptopResume);
                    SignalingClient phoneAgain = connect(b, devices, devices.phone(), phoneResume)) {
                assertTrue(
                        laptopAgain.welcome().path("resumed").asBoolean(),
                        laptopAgain.welcome().toString());
                assertTrue(
                        phoneAgain.welcome().path("resumed").asBoolean(),
                        phoneAgain.welcome().toString());
                assertDelivered(phoneAgain.call(answer("redis-restart-1")));
                assertEquals(
                        "redis-restart-1",
                        laptopAgain.await("answer").path("session").asText());
            }
            RestOn.node(b, () -> TestClients.as(devices.client())
                    .get("/api/devices")
                    .then()
                    .statusCode(200));
        }
    }
}
