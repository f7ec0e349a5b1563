package org.callsign.signaling.connect.service;

import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.stream.Collectors;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.cluster.service.NodeRequests;
import org.callsign.signaling.signal.service.ClientTakeover;
import org.callsign.signaling.signal.service.OnlineDevices;

/**
 * Which devices of a client are online, wherever its home is: this node's lines on a single server or when the client
 * is at home here, otherwise its home node's answer. For choosing the device that answers an HTTP offer. A home whose
 * client's former home died takes the client over first ({@link ClientTakeover}), so that devices that are about to
 * resume count as online and the offer waits for them on their lines.
 */
@Singleton
@Startup
public class ReachableDevices {
    static final String ONLINE = "online-devices";

    private final ClusterNode cluster;
    private final NodeRequests requests;
    private final OnlineDevices online;
    private final ClientTakeover takeover;

    public ReachableDevices(ClusterNode cluster, NodeRequests requests, OnlineDevices online, ClientTakeover takeover) {
        this.cluster = cluster;
        this.requests = requests;
        this.online = online;
        this.takeover = takeover;
        requests.serve(ONLINE, client -> String.join("\n", onlineHere(client)));
    }

    /** The ids of {@code clientId}'s devices that are online (connected, or within their resume window). */
    public Set<String> online(String clientId) {
        String home = cluster.homeOf(clientId);
        if (home.equals(cluster.id())) {
            return onlineHere(clientId);
        }
        String ids = requests.ask(home, ONLINE, clientId);
        return ids.isEmpty() ? Set.of() : Set.of(ids.split("\n"));
    }

    private Set<String> onlineHere(String clientId) {
        takeover.ensure(clientId);
        return online.linesOf(clientId).stream()
                .map(line -> line.device().id())
                .collect(Collectors.toUnmodifiableSet());
    }
}
