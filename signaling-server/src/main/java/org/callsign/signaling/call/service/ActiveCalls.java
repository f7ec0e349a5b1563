package org.callsign.signaling.call.service;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.signal.service.DeviceParty;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * The calls ringing or in progress on this server, in memory, with the limits of {@code callsign.signaling.calls}:
 * per client and server-wide.
 */
@Singleton
public class ActiveCalls {

    private final Map<String, ActiveCall> calls = new ConcurrentHashMap<>();
    private final Map<String, Integer> perClient = new ConcurrentHashMap<>();
    private final int maxActive;
    private final int maxPerClient;

    /** What a cluster records calls as: {@code <prefix>call:<key>}. */
    static final String CLUSTER_KIND = "call";

    /** The longest a call is recorded as held by a node. */
    static final Duration HELD_AT_MOST = Duration.ofHours(24);

    private final ClusterNode cluster;

    public ActiveCalls(SignalingConfig config, ClusterNode cluster) {
        this.cluster = cluster;
        this.maxActive = config.calls().maxActive();
        this.maxPerClient = config.calls().maxActivePerClient();
    }

    /**
     * Adds a call; {@code too-many-calls} past a limit, {@code call-exists} for a key in use. On a cluster, a call with
     * the other server known is recorded as this node's.
     */
    void add(ActiveCall call) {
        addHere(call);
        if (call.peerServer != null) {
            try {
                cluster.hold(CLUSTER_KIND, call.key(), HELD_AT_MOST);
            } catch (RuntimeException e) {
                remove(call);
                throw e;
            }
        }
    }

    private synchronized void addHere(ActiveCall call) {
        if (calls.size() >= maxActive) {
            throw new SignalingException(SignalError.TOO_MANY_CALLS, "this server has too many calls at once");
        }
        if (call.clientId != null && perClient.getOrDefault(call.clientId, 0) >= maxPerClient) {
            throw new SignalingException(SignalError.TOO_MANY_CALLS, "this client has too many calls at once");
        }
        if (calls.putIfAbsent(call.key(), call) != null) {
            throw new SignalingException(SignalError.CALL_EXISTS, "a call of this id exists");
        }
        if (call.clientId != null) {
            perClient.merge(call.clientId, 1, Integer::sum);
        }
    }

    /** Files an outgoing call under the callee's server, once discovered (on a cluster, as this node's). */
    void rekey(ActiveCall call, String peerServer) {
        synchronized (this) {
            calls.remove(call.key(), call);
            call.peerServer = peerServer;
            calls.put(call.key(), call);
        }
        cluster.hold(CLUSTER_KIND, call.key(), HELD_AT_MOST);
    }

    /** Forgets a call. */
    void remove(ActiveCall call) {
        boolean removed;
        synchronized (this) {
            removed = calls.remove(call.key(), call);
            if (removed && call.clientId != null) {
                perClient.computeIfPresent(call.clientId, (client, count) -> count <= 1 ? null : count - 1);
            }
        }
        if (removed && call.peerServer != null) {
            cluster.release(CLUSTER_KIND, call.key());
        }
    }

    /** The call of that side, other server and id. */
    Optional<ActiveCall> find(boolean outgoing, String peerServer, String id) {
        return Optional.ofNullable(calls.get(ActiveCall.key(outgoing, peerServer, id)));
    }

    /** The device's outgoing call of that id. */
    Optional<ActiveCall> outgoingOf(DeviceParty device, String id) {
        return calls.values().stream()
                .filter(c -> c.outgoing && c.id.equals(id) && device.clientId().equals(c.clientId))
                .filter(c -> device.device().id().equals(c.device))
                .findFirst();
    }

    /** The client's incoming call of that id. */
    Optional<ActiveCall> incomingOf(String clientId, String id) {
        return calls.values().stream()
                .filter(c -> !c.outgoing && c.id.equals(id) && clientId.equals(c.clientId))
                .findFirst();
    }

    /** The client's incoming calls. */
    List<ActiveCall> incomingTo(String clientId) {
        return calls.values().stream()
                .filter(c -> !c.outgoing && clientId.equals(c.clientId))
                .toList();
    }

    /** How many calls are active. */
    public int size() {
        return calls.size();
    }
}
