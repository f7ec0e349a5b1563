package org.callsign.signaling.signal.service;

import jakarta.inject.Singleton;
import java.util.List;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.message.Peer;
import org.callsign.signaling.signal.message.PeerUpdate;
import org.callsign.signaling.signal.message.Peers;
import org.callsign.signaling.signal.message.ServerMessage;

/**
 * Peer lists and their updates (peerbook): a verified device receives the list of its client's other devices when it
 * connects or resumes, and an update whenever one of them comes online, goes offline, or changes name, kind,
 * fingerprint or verification. Unverified devices see no peers; they are told only about themselves. Updates are not
 * held for a reconnecting device: it receives a fresh list when it resumes.
 */
@Singleton
public class PresenceService {
    private final OnlineDevices online;
    private final DeviceService devices;

    public PresenceService(OnlineDevices online, DeviceService devices) {
        this.online = online;
        this.devices = devices;
    }

    /** A device as its peers see it now. */
    public Peer peer(String clientId, Device device) {
        return new Peer(
                device.id(),
                device.name(),
                device.kind(),
                device.fingerprint(),
                device.verified(),
                online.isOnline(clientId, device.id()));
    }

    /** The update that tells peers how a device is now. */
    public PeerUpdate update(String clientId, Device device) {
        return new PeerUpdate(peer(clientId, device));
    }

    /** The list a device receives: every other device of its client. */
    public Peers peersOf(String clientId, String deviceId) {
        List<Peer> peers = devices.list(clientId).stream()
                .filter(device -> !device.id().equals(deviceId))
                .map(device -> peer(clientId, device))
                .toList();
        return new Peers(peers);
    }

    /**
     * Sends {@code message} about device {@code subjectId} to the client's connected devices that may see it: the
     * verified ones other than the subject, and the subject itself if {@code toSubject}.
     */
    public void tell(String clientId, String subjectId, ServerMessage message, boolean toSubject) {
        for (Line line : online.linesOf(clientId)) {
            boolean subject = line.device().id().equals(subjectId);
            if (subject ? toSubject : line.device().verified()) {
                online.deliver(line.address(), new Held(message, null, null), false);
            }
        }
    }
}
