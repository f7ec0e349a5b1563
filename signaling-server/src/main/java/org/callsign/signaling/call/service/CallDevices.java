package org.callsign.signaling.call.service;

import jakarta.inject.Singleton;
import java.util.List;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.DeviceParty;
import org.callsign.signaling.signal.service.Held;
import org.callsign.signaling.signal.service.Line;
import org.callsign.signaling.signal.service.OnlineDevices;

/** Tells a client's devices about calls over their signaling connections; held while a device reconnects. */
@Singleton
public class CallDevices {

    private final OnlineDevices online;
    private final DeviceService devices;

    public CallDevices(OnlineDevices online, DeviceService devices) {
        this.online = online;
        this.devices = devices;
    }

    /** Sends to one device; whether it was delivered or held. */
    public boolean send(String clientId, String deviceId, ServerMessage message) {
        if (clientId == null || deviceId == null) {
            return false;
        }
        return online.deliver(DeviceParty.address(clientId, deviceId), new Held(message, null, null), true)
                != Line.Delivery.REFUSED;
    }

    /** The client's verified devices that are online now. */
    public List<String> ringable(String clientId) {
        return online.linesOf(clientId).stream()
                .filter(line -> line.device().verified())
                .map(line -> line.device().id())
                .toList();
    }

    /** The client's verified devices that are offline now: those a push may wake. */
    public List<String> asleep(String clientId) {
        return devices.list(clientId).stream()
                .filter(Device::verified)
                .map(Device::id)
                .filter(id -> !online.isOnline(clientId, id))
                .toList();
    }
}
