package org.callsign.signaling.fingerprint.service;

import java.util.List;

/**
 * Whether an SDP may connect on the strength of its fingerprints (webexec's rule: the offer's fingerprint must be in
 * {@code authorized_fingerprints}). Every fingerprint of the SDP must be authorised: a peer that listed one authorised
 * fingerprint next to its own could complete DTLS with its own key (RFC 8122 §5 lets either match).
 *
 * @param outcome the verdict
 * @param fingerprints the SDP's fingerprints (empty if it had none or could not be parsed)
 * @param message why, for logs and error messages
 */
public record FingerprintCheck(Outcome outcome, List<DeviceFingerprint> fingerprints, String message) {

    /** The verdicts, with their wire values. */
    public enum Outcome {
        AUTHORIZED("authorized"),
        NOT_AUTHORIZED("not-authorized"),
        NO_FINGERPRINT("no-fingerprint"),
        MALFORMED_SDP("malformed-sdp");

        private final String value;

        Outcome(String value) {
            this.value = value;
        }

        /** The wire value. */
        public String value() {
            return value;
        }
    }

    public FingerprintCheck {
        fingerprints = List.copyOf(fingerprints);
    }

    /** Whether the SDP is authorised. */
    public boolean authorized() {
        return outcome == Outcome.AUTHORIZED;
    }
}
