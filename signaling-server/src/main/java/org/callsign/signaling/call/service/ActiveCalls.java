package org.callsign.signaling.call.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.server.store.StoreException;
import org.callsign.signaling.call.store.CallRecord;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.service.DeviceParty;
import org.callsign.signaling.signal.service.LineRecords;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;
import org.jboss.logging.Logger;

/**
 * The calls ringing or in progress on this server, in memory, with the limits of {@code callsign.signaling.calls}:
 * per client and server-wide. On a cluster, each call with another server is recorded as held by this node and, with
 * its client's lines ({@link LineRecords}), as it stands, so that the node taking the client over after this one died
 * carries it on ({@link #restore}).
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

    private static final Logger LOG = Logger.getLogger(ActiveCalls.class);

    private final ClusterNode cluster;
    private final LineRecords records;
    private final ObjectMapper mapper;

    public ActiveCalls(SignalingConfig config, ClusterNode cluster, LineRecords records, ObjectMapper mapper) {
        this.cluster = cluster;
        this.records = records;
        this.mapper = mapper;
        this.maxActive = config.calls().maxActive();
        this.maxPerClient = config.calls().maxActivePerClient();
    }

    /**
     * Adds a call; {@code too-many-calls} past a limit, {@code call-exists} for a key in use. On a cluster, a call with
     * the other server known is recorded as this node's, and as it stands.
     *
     * @throws org.callsign.server.store.StoreException if that could not be recorded (the call is not added)
     */
    void add(ActiveCall call) {
        addHere(call);
        if (!call.peerServer.isEmpty()) {
            try {
                cluster.hold(CLUSTER_KIND, call.key(), HELD_AT_MOST, call.clientId);
                write(call);
            } catch (RuntimeException e) {
                remove(call);
                throw e;
            }
        }
    }

    /**
     * Records {@code call} as it stands now, for the node that would take its client over; best effort, as a failure
     * costs at most the call's last change should this node die. Does nothing on a single server.
     */
    void record(ActiveCall call) {
        try {
            write(call);
        } catch (StoreException e) {
            LOG.warnf("recording call %s failed: %s", call.id, e.getMessage());
        }
    }

    /**
     * Records {@code call} as it stands now, like {@link #record}: its state, with what never changes of it the first
     * time.
     *
     * @throws StoreException if it could not be written
     */
    private void write(ActiveCall call) {
        synchronized (call) {
            if (!recorded(call)) {
                return;
            }
            String start = call.started ? null : json(StoredCall.Start.of(call));
            records.call(call.clientId, call.key(), start, json(StoredCall.State.of(call)), call.held.size());
            call.started = true;
        }
    }

    /**
     * Holds {@code candidate} for the ringing {@code call}, until a device accepts; on a cluster, appends it to the
     * call's record first. The caller holds the call's monitor.
     *
     * @throws StoreException if it could not be written: it is not held, and the caller's server must learn that
     */
    void hold(ActiveCall call, IceCandidate candidate) {
        if (recorded(call)) {
            records.callHeld(call.clientId, call.key(), json(candidate));
        }
        call.held.add(candidate);
    }

    /** Whether {@code call} is recorded with its client's lines: on a cluster, until it is removed. */
    private boolean recorded(ActiveCall call) {
        return records != LineRecords.NONE
                && call.clientId != null
                && !call.peerServer.isEmpty()
                && calls.get(call.key()) == call;
    }

    /**
     * Adds the calls of {@code clientId} that the node whose client this one took over recorded, unless they are here
     * already, and records them as this node's; returns those added, without timers.
     */
    List<ActiveCall> restore(String clientId, Map<String, LineRecords.RecordedCall> recorded) {
        List<ActiveCall> restored = new ArrayList<>();
        for (Map.Entry<String, LineRecords.RecordedCall> entry : recorded.entrySet()) {
            ActiveCall call;
            try {
                call = StoredCall.read(mapper, entry.getValue()).call();
                call.started = true;
            } catch (JsonProcessingException | IllegalArgumentException e) {
                LOG.warnf("skipped an unreadable call of client %s: %s", clientId, e.getMessage());
                records.callEnded(clientId, entry.getKey());
                continue;
            }
            if (!clientId.equals(call.clientId) || !entry.getKey().equals(call.key())) {
                LOG.warnf("skipped call %s recorded for client %s under another client or key", call.id, clientId);
                records.callEnded(clientId, entry.getKey());
                continue;
            }
            try {
                addHere(call);
            } catch (SignalingException e) {
                LOG.warnf("could not carry on call %s of client %s: %s", call.id, clientId, e.getMessage());
                continue;
            }
            try {
                cluster.hold(CLUSTER_KIND, call.key(), HELD_AT_MOST, call.clientId);
            } catch (StoreException e) {
                // the dead node's hold names the client, whose home this is: its events still come here
                LOG.warnf("could not record call %s as held here: %s", call.id, e.getMessage());
            }
            restored.add(call);
        }
        return restored;
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

    /**
     * Files an outgoing call under the callee's server, once discovered (on a cluster, as this node's; the caller
     * {@linkplain #record records} it once its record names that server).
     */
    void rekey(ActiveCall call, String peerServer) {
        synchronized (this) {
            calls.remove(call.key(), call);
            call.peerServer = peerServer;
            calls.put(call.key(), call);
        }
        cluster.hold(CLUSTER_KIND, call.key(), HELD_AT_MOST, call.clientId);
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
        if (removed && !call.peerServer.isEmpty()) {
            cluster.release(CLUSTER_KIND, call.key());
            if (call.clientId != null) {
                synchronized (call) {
                    records.callEnded(call.clientId, call.key());
                }
            }
        }
    }

    /** Whether this node shares its clients, and so their calls, with other nodes (a cluster). */
    boolean clustered() {
        return cluster.enabled();
    }

    /** Whether the call of {@code record} is active here. */
    boolean has(CallRecord record) {
        return find(record.direction().equals(CallRecord.OUTGOING), record.peerServer(), record.call())
                .isPresent();
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

    /** The calls of a device of {@code clientId}: those it placed, and those it accepted. */
    List<ActiveCall> ofDevice(String clientId, String deviceId) {
        return calls.values().stream()
                .filter(c -> clientId.equals(c.clientId) && deviceId.equals(c.device))
                .toList();
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

    private String json(Object part) {
        try {
            return mapper.writeValueAsString(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write a call's " + part.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
