package org.callsign.signaling.cluster.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.callsign.server.store.LocalRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a node holds, seen from another node on a real {@code redis-server}: the holder while it lives, and once it is
 * dead, the client the thing was of, so that requests about it go to that client's next home.
 */
class ClusterNodeHoldingTest {
    private static final String PREFIX = "callsign:holding:";
    private static final Duration DAY = Duration.ofDays(1);

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private final ClusterNode holder = new ClusterNode(NodeConfig.of(REDIS, PREFIX));
    private final ClusterNode other = new ClusterNode(NodeConfig.of(REDIS, PREFIX));

    @AfterEach
    void leave() {
        holder.leave();
        other.leave();
    }

    @Test
    void aLiveHolderIsAskedAndADeadOneNamesTheOwner() {
        holder.hold("call", "in https://sig-a.test c1", DAY, "client-per");

        assertEquals(
                Optional.of(new ClusterNode.Holding(holder.id(), "client-per", true)),
                other.holding("call", "in https://sig-a.test c1"));
        assertEquals(new HeldRoute(holder.id(), null), route(other, "in https://sig-a.test c1"));
        assertEquals(HeldRoute.HERE, route(holder, "in https://sig-a.test c1"), "not asked of itself");

        holder.leave();

        assertEquals(
                Optional.of(new ClusterNode.Holding(holder.id(), "client-per", false)),
                other.holding("call", "in https://sig-a.test c1"));
        assertEquals(
                new HeldRoute(null, "client-per"),
                route(other, "in https://sig-a.test c1"),
                "a dead holder is not asked: the owner's new home, here, takes it over");
    }

    @Test
    void afterTheHolderDiedTheOwnersLiveHomeIsAsked() {
        holder.hold("whip", "session-2", DAY, "client-quinn");
        assertEquals(holder.id(), holder.homeOf("client-quinn"));
        holder.leave();
        ClusterNode third = new ClusterNode(NodeConfig.of(REDIS, PREFIX));
        try {
            assertEquals(third.id(), third.homeOf("client-quinn"), "the dead home is claimed");

            assertEquals(new HeldRoute(third.id(), "client-quinn"), route(other, "session-2"));
            assertEquals(new HeldRoute(null, "client-quinn"), route(third, "session-2"));
        } finally {
            third.leave();
        }
    }

    @Test
    void aThingOfNobodyHasNoOwnerAndAReleasedOneNoHolder() {
        holder.hold("whip", "session-1", DAY, null);
        holder.hold("whip", "session-3", DAY, null);
        Optional<ClusterNode.Holding> held = other.holding("whip", "session-1");
        assertTrue(held.isPresent());
        assertEquals(null, held.get().owner());

        holder.release("whip", "session-1");
        assertFalse(other.holding("whip", "session-1").isPresent());

        holder.leave();
        assertEquals(HeldRoute.HERE, route(other, "session-3"), "it died with its node");
    }

    private static HeldRoute route(ClusterNode node, String key) {
        return HeldRoute.of(node, node.holding(key.startsWith("in ") ? "call" : "whip", key));
    }
}
