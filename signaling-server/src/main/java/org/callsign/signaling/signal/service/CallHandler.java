package org.callsign.signaling.signal.service;

import org.callsign.signaling.signal.message.ClientMessage;
import org.callsign.signaling.signal.message.ServerMessage;

/** Where a device's call messages ({@code call}, {@code accept}, {@code decline}, {@code hangup}, {@code call-candidate}) go. */
@FunctionalInterface
public interface CallHandler {

    /** Handles one call message of {@code from}; returns the answer to it, or throws {@link SignalingException}. */
    ServerMessage receive(DeviceParty from, ClientMessage message);

    /** A verified device of {@code clientId} came online (it was offline until now). */
    default void deviceOnline(String clientId, String deviceId) {}

    /**
     * A device of {@code clientId} went offline for good: its resume window passed, or it was removed. The calls it
     * placed or accepted end, since nothing is left to carry them on.
     */
    default void deviceOffline(String clientId, String deviceId) {}
}
