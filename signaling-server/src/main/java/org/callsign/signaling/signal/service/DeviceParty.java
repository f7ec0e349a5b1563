package org.callsign.signaling.signal.service;

import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.message.Sender;

/**
 * One of a client's devices, as registered when the message was sent (name, kind, fingerprint, verified).
 *
 * @param clientId the device's client
 * @param device the device's registration
 */
public record DeviceParty(String clientId, Device device) implements Party {
    private static final String PREFIX = "device:";

    /** The address of a client's device. */
    public static String address(String clientId, String deviceId) {
        return PREFIX + clientId + "/" + deviceId;
    }

    /** Whether {@code address} is a device's. */
    public static boolean isAddress(String address) {
        return address.startsWith(PREFIX);
    }

    @Override
    public String address() {
        return address(clientId, device.id());
    }

    @Override
    public Sender sender() {
        return new Sender(device.id(), device.name(), device.kind(), device.fingerprint());
    }
}
