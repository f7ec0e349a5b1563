package org.callsign.signaling.cluster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.callsign.server.store.LocalRedis;
import org.callsign.server.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node stays a member while it is overloaded, on a real {@code redis-server}: its heartbeat does not wait behind the
 * Redis commands that its other work has queued.
 */
class ClusterNodeMembershipTest {
    private static final String PREFIX = "callsign:membership:";

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final ClusterNode busy = new ClusterNode(NodeConfig.of(REDIS, PREFIX));
    private final ClusterNode other = new ClusterNode(NodeConfig.of(REDIS, PREFIX));

    @AfterEach
    void leave() {
        busy.leave();
        other.leave();
    }

    @Test
    void staysAliveWhileEveryPooledConnectionIsTakenLongerThanTheNodeTimeout() throws Exception {
        AtomicInteger fencings = new AtomicInteger();
        busy.onFenced(fencings::incrementAndGet);
        busy.hold("call", "membership-1", Duration.ofMinutes(1), null);
        // Blocking pops of 7 s hold every connection of the node's command pool (the node timeout is 5 s); callers
        // stop waiting after the store timeout, the connections stay taken.
        List<Thread> blockers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread blocker = new Thread(() -> {
                try {
                    busy.call(Request.cmd(Command.BLPOP).arg(PREFIX + "never").arg(7), "waiting");
                } catch (StoreException expected) {
                    // the store timeout
                }
            });
            blocker.start();
            blockers.add(blocker);
        }
        Thread.sleep(6_000);

        assertEquals(
                Optional.of(new ClusterNode.Holding(busy.id(), null, true)),
                other.holding("call", "membership-1"),
                "the others still see the busy node alive after the node timeout");
        assertTrue(busy.member());
        for (Thread blocker : blockers) {
            blocker.join(10_000);
        }
        Thread.sleep(1_500); // a heartbeat after the pool is free again
        assertEquals(0, fencings.get(), "the busy node was never taken for dead");
    }
}
