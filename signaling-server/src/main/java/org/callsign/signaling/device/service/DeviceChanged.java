package org.callsign.signaling.device.service;

import org.callsign.signaling.device.store.Device;

/**
 * A device was added, changed or removed (a CDI event fired after the store write): presence tells the client's
 * other devices, and signaling ends what the device may no longer do.
 *
 * @param clientId the device's client
 * @param before the device before the change, or {@code null} if it was added
 * @param after the device after the change, or {@code null} if it was removed
 */
public record DeviceChanged(String clientId, Device before, Device after) {

    /** The device's id. */
    public String deviceId() {
        return after != null ? after.id() : before.id();
    }
}
