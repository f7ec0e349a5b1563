package org.callsign.signaling.verification.service;

import java.time.Instant;
import org.callsign.signaling.device.store.Device;

/**
 * A verification link just made, for delivery to the owner.
 *
 * @param url the link, a secret: whoever opens it can verify the device until it expires or is used
 * @param expires when it stops working
 * @param clientId the client whose device it verifies
 * @param device the device
 */
public record VerificationLink(String url, Instant expires, String clientId, Device device) {

    /** Names the device, never the link. */
    @Override
    public String toString() {
        return "VerificationLink[" + clientId + ", " + device.id() + ", expires=" + expires + "]";
    }
}
