package org.callsign.signaling.signal.service;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callsign.server.store.StoreException;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.device.store.Device;
import org.jboss.logging.Logger;

/**
 * On a cluster, gives a client's lines back after its home node died: before the first device of a client connects
 * to its (new) home, the {@link LineRecords} the former home wrote are taken over, and each recorded line waits for its
 * device to resume, for a resume window from now, with what was held for it; the sessions between the client's
 * devices are open again. Devices that resume find everything as the former home left it; lines whose device does not
 * come back expire as usual, and the senders of what they held are told. The client's calls with other servers and its
 * WHIP sessions go on too, restored by their handlers from what the former home recorded. Does nothing on a single
 * server.
 */
@Singleton
public class ClientTakeover {
    private static final Logger LOG = Logger.getLogger(ClientTakeover.class);
    private static final int LOCKS = 64;

    private final LineRecords records;
    private final OnlineDevices online;
    private final SignalSessions sessions;
    private final DeviceService devices;
    private final SignalingConfig config;
    private final Object[] locks = new Object[LOCKS];
    private volatile CallRestorer calls = (clientId, recorded) -> {};
    private volatile WhipRestorer whips = (clientId, recorded) -> {};

    /** Carries on the calls of a client taken over, from what its former home recorded of them. */
    @FunctionalInterface
    public interface CallRestorer {
        /** Restores the calls of {@code clientId}: each as {@link LineRecords} recorded it, by key. */
        void restore(String clientId, Map<String, LineRecords.RecordedCall> recorded);
    }

    /** Carries on the WHIP sessions of a client taken over, once its lines are back. */
    @FunctionalInterface
    public interface WhipRestorer {
        /** Restores the WHIP sessions of {@code clientId}: each as {@link LineRecords#whip} recorded it, by id. */
        void restore(String clientId, Map<String, String> recorded);
    }

    public ClientTakeover(
            LineRecords records,
            OnlineDevices online,
            SignalSessions sessions,
            DeviceService devices,
            SignalingConfig config) {
        this.records = records;
        this.online = online;
        this.sessions = sessions;
        this.devices = devices;
        this.config = config;
        for (int i = 0; i < LOCKS; i++) {
            locks[i] = new Object();
        }
    }

    /** Hands the calls of each client taken over to {@code restorer} (the call handler, once it exists). */
    public void restoreCallsWith(CallRestorer restorer) {
        this.calls = restorer;
    }

    /** Hands the WHIP sessions of each client taken over to {@code restorer}. */
    public void restoreWhipsWith(WhipRestorer restorer) {
        this.whips = restorer;
    }

    /**
     * Restores the lines and calls of {@code clientId} from another node's record, if it has no lines here. Devices of
     * one client connecting at once wait for each other here, so that none of them starts afresh while the lines come
     * back; so does an event of a call of the client that arrives meanwhile.
     */
    public void ensure(String clientId) {
        if (records == LineRecords.NONE) {
            return;
        }
        synchronized (locks[Math.floorMod(clientId.hashCode(), LOCKS)]) {
            if (!online.linesOf(clientId).isEmpty()) {
                return;
            }
            Optional<LineRecords.Snapshot> snapshot;
            try {
                snapshot = records.takeOver(clientId);
            } catch (StoreException e) {
                LOG.warnf("could not take over the lines of client %s: %s", clientId, e.getMessage());
                return; // its devices start afresh
            }
            snapshot.ifPresent(taken -> restore(clientId, taken));
        }
    }

    private void restore(String clientId, LineRecords.Snapshot snapshot) {
        for (Map.Entry<String, String> line : snapshot.resumeKeys().entrySet()) {
            Optional<Device> device = devices.find(clientId, line.getKey());
            if (device.isEmpty()) {
                records.dropped(clientId, line.getKey(), true); // removed meanwhile
                continue;
            }
            online.restore(
                    clientId,
                    device.get(),
                    line.getValue(),
                    snapshot.held().getOrDefault(line.getKey(), List.of()),
                    config.websocket().resumeWindow());
        }
        for (SignalSession session : snapshot.sessions()) {
            if (online.line(session.caller()).isPresent()
                    && online.line(session.callee()).isPresent()) {
                sessions.restore(session);
            } else {
                records.closed(session);
            }
        }
        whips.restore(clientId, snapshot.whips());
        calls.restore(clientId, snapshot.calls());
    }
}
