package org.callsign.testbed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.callsign.server.store.LocalRedis;

/** Steps of the tests of domain B's signaling server as two nodes ({@link TestbedOptions#withSignalingCluster}). */
final class ClusterSteps {

    /** The Redis key prefix of domain B's nodes. */
    static final String PREFIX = "callsign:sig-b:";

    private ClusterSteps() {}

    /**
     * Kills the second node, {@code user}'s home, as a crash would, and waits until the cluster takes it for dead (its
     * key in {@code redis} expired), so that the next node {@code user}'s devices reach takes the client over.
     */
    static void killHomeOf(TwoDomains bed, LocalRedis redis, User user) throws InterruptedException {
        String home = redis.cli("GET", PREFIX + "home:" + user.clientId());
        bed.killSecondNode();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!redis.cli("EXISTS", PREFIX + "node:" + home).equals("0")) {
            assertTrue(System.nanoTime() < deadline, user.identity() + "'s home, the second node, is taken for dead");
            Thread.sleep(50);
        }
    }
}
