package org.callsign.signaling.fingerprint.service;

import java.util.List;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;

/**
 * The DTLS fingerprints of an SDP, session and media level (RFC 8122 §5), parsed by browser-shim within its
 * {@code SdpLimits}. These identify the key a peer will use in the DTLS handshake, so they are what authorisation and
 * anti-masquerading compare.
 */
public final class SdpFingerprints {

    private SdpFingerprints() {}

    /** Every distinct fingerprint of {@code sdp}, in order of appearance (possibly none). */
    public static List<DeviceFingerprint> of(String sdp) throws SdpException {
        if (sdp == null) {
            throw new SdpException("SDP is missing");
        }
        return SessionDescription.parse(sdp).fingerprints().stream()
                .map(DeviceFingerprint::of)
                .distinct()
                .toList();
    }
}
