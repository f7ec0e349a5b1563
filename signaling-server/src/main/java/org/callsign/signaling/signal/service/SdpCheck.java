package org.callsign.signaling.signal.service;

import java.util.List;
import org.callsign.shim.sdp.SdpException;
import org.callsign.signaling.fingerprint.service.DeviceFingerprint;
import org.callsign.signaling.fingerprint.service.SdpFingerprints;

/**
 * Anti-masquerading (peerbook, webexec): every {@code a=fingerprint} of an offer or answer, session and media level,
 * must be the sender's registered fingerprint. A peer that listed another device's fingerprint next to its own could
 * otherwise complete DTLS with its own key (RFC 8122 §5 lets any listed fingerprint match).
 */
public final class SdpCheck {

    private SdpCheck() {}

    /** Refuses {@code sdp} unless it has fingerprints and each is {@code from}'s own. */
    public static void requireOwnFingerprint(Party from, String sdp, String session) {
        if (sdp == null || sdp.isEmpty()) {
            throw new SignalingException(SignalError.INVALID_MESSAGE, "sdp is missing", session);
        }
        List<DeviceFingerprint> fingerprints;
        try {
            fingerprints = SdpFingerprints.of(sdp);
        } catch (SdpException e) {
            throw new SignalingException(SignalError.MALFORMED_SDP, "sdp rejected: " + e.getMessage(), session);
        }
        if (fingerprints.isEmpty()) {
            throw new SignalingException(SignalError.FINGERPRINT_MISMATCH, "the SDP has no a=fingerprint", session);
        }
        String own = from.sender().fingerprint();
        for (DeviceFingerprint fingerprint : fingerprints) {
            if (!fingerprint.hex().equals(own)) {
                throw new SignalingException(
                        SignalError.FINGERPRINT_MISMATCH,
                        "the SDP's fingerprint " + fingerprint.hex() + " is not the sender's registered fingerprint",
                        session);
            }
        }
    }
}
