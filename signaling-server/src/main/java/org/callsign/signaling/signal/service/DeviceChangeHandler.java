package org.callsign.signaling.signal.service;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.callsign.signaling.device.service.DeviceChanged;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.message.PeerRemoved;
import org.jboss.logging.Logger;

/**
 * Presence and signaling follow a device's registration (the {@link DeviceChanged} events of the device API): peers
 * learn of every change; an unverified device, or one with a new fingerprint, loses its sessions; a removed device
 * goes offline at once and its connection closes; a newly verified device receives its peer list.
 */
@Singleton
public class DeviceChangeHandler {
    private static final Logger LOG = Logger.getLogger(DeviceChangeHandler.class);

    private final OnlineDevices online;
    private final Relay relay;
    private final PresenceService presence;
    private final SignalingService signaling;

    DeviceChangeHandler(OnlineDevices online, Relay relay, PresenceService presence, SignalingService signaling) {
        this.online = online;
        this.relay = relay;
        this.presence = presence;
        this.signaling = signaling;
    }

    /** Never fails the API request that changed the device: a failure here is logged. */
    public void onDeviceChanged(@Observes DeviceChanged change) {
        try {
            if (change.after() == null) {
                removed(change.clientId(), change.deviceId());
            } else {
                changed(change.clientId(), change.before(), change.after());
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not apply the change of device %s of client %s", change.deviceId(), change.clientId());
        }
    }

    private void removed(String clientId, String deviceId) {
        online.remove(clientId, deviceId).ifPresent(gone -> {
            Outbox outbox = gone.line().outbox();
            if (outbox != null) {
                outbox.close(SignalError.DEVICE_REMOVED, "the device was removed");
            }
            signaling.offline(gone, "the device was removed");
        });
        presence.tell(clientId, deviceId, new PeerRemoved(deviceId), false);
    }

    private void changed(String clientId, Device before, Device after) {
        Optional<Line> line = online.line(clientId, after.id());
        line.ifPresent(existing -> existing.device(after));
        boolean unverified = before != null && before.verified() && !after.verified();
        boolean newKey = before != null && !before.fingerprint().equals(after.fingerprint());
        if (line.isPresent() && (unverified || newKey)) {
            relay.endSessions(
                    line.get().address(),
                    unverified ? "the device was unverified" : "the device's fingerprint changed");
        }
        presence.tell(clientId, after.id(), presence.update(clientId, after), true);
        boolean verified = before != null && !before.verified() && after.verified();
        if (verified && line.isPresent()) {
            online.deliver(line.get().address(), new Held(presence.peersOf(clientId, after.id()), null, null), false);
        }
    }
}
