package org.callsign.signaling.cluster;

import static org.callsign.signaling.cluster.ClusterIT.answer;
import static org.callsign.signaling.cluster.ClusterIT.assertDelivered;
import static org.callsign.signaling.cluster.ClusterIT.offer;
import static org.callsign.signaling.cluster.ClusterNodes.connect;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.callsign.signaling.PackagedServer;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two packaged nodes while their {@code redis-server} is killed and started again: every connection closes as {@code
 * node-lost} (frames may have been lost, and the nodes were taken for dead), the devices resume where they were, and
 * the call goes on: nothing acknowledged is lost.
 */
class ClusterRedisRestartIT {

    @RegisterExtension
    static final ClusterNodes CLUSTER = new ClusterNodes("restart", 2);

    @Test
    void devicesResumeTheirCallAfterRedisRestarts() throws Exception {
        PackagedServer a = CLUSTER.node(0);
        PackagedServer b = CLUSTER.node(1);
        TwoDevices devices = TwoDevices.register("cluster-redis-restart");
        SignalingClient laptop = connect(a, devices, devices.laptop(), null);
        SignalingClient phone = connect(b, devices, devices.phone(), null);
        String laptopResume = laptop.welcome().path("resume").asText();
        String phoneResume = phone.welcome().path("resume").asText();
        assertDelivered(laptop.call(offer(devices, "redis-restart-1")));
        phone.await("offer");

        CLUSTER.redis().kill();
        assertEquals(4503, phone.awaitClose(Duration.ofSeconds(10)).code(), "the forwarded connection ends");
        // Down for longer than the node timeout: when Redis is back, each node finds it was taken for dead.
        Thread.sleep(Duration.ofMillis(1_500).toMillis());
        CLUSTER.redis().start();
        CLUSTER.allowDocumentedCommands(); // a restarted Redis has only its default user
        assertEquals(4503, laptop.awaitClose(Duration.ofSeconds(10)).code(), "the fenced home closes its own");
        a.awaitReady(Duration.ofSeconds(10));
        b.awaitReady(Duration.ofSeconds(10));

        try (SignalingClient laptopAgain = connect(a, devices, devices.laptop(), laptopResume);
                SignalingClient phoneAgain = connect(b, devices, devices.phone(), phoneResume)) {
            ClusterNodes.assertResumed(laptopAgain);
            ClusterNodes.assertResumed(phoneAgain);
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
