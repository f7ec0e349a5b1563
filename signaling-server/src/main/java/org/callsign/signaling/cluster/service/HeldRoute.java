package org.callsign.signaling.cluster.service;

import java.util.Optional;

/**
 * Where a request about a thing that a node holds ({@link ClusterNode#hold}: a call, a WHIP session) must run: on the
 * node that holds it while that node lives; after it died, on the home of the thing's client, which first takes the
 * client over from what the dead node recorded, so that the thing goes on there.
 *
 * @param node the node to ask, or {@code null} for this one
 * @param takeOver the client that the node running the request must take over first, or {@code null}
 */
public record HeldRoute(String node, String takeOver) {

    /** Here, with nothing to take over: nobody holds the thing, this node does, or it died with a node. */
    public static final HeldRoute HERE = new HeldRoute(null, null);

    /**
     * The route of a request about what {@code holding} describes, as seen from {@code cluster}; {@link #HERE} if
     * nothing holds it. May claim the home of the thing's client for this node if it has none alive.
     *
     * @throws org.callsign.server.store.StoreException if Redis does not answer
     */
    public static HeldRoute of(ClusterNode cluster, Optional<ClusterNode.Holding> holding) {
        if (holding.isEmpty()) {
            return HERE;
        }
        ClusterNode.Holding held = holding.get();
        if (held.alive()) {
            return held.node().equals(cluster.id()) ? HERE : new HeldRoute(held.node(), null);
        }
        if (held.owner() == null) {
            return HERE; // nobody's: it died with its node
        }
        String home = cluster.homeOf(held.owner());
        return new HeldRoute(home.equals(cluster.id()) ? null : home, held.owner());
    }

    /** Whether the request runs on this node. */
    public boolean here() {
        return node == null;
    }
}
