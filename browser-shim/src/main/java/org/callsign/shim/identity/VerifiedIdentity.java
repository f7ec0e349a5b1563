package org.callsign.shim.identity;

import java.util.List;
import org.callsign.shim.sdp.DtlsFingerprint;

/**
 * A peer identity that passed every check of RFC 8827 §7.5 (W3C {@code RTCIdentityAssertion}).
 *
 * @param name the identity, {@code user@domain} with the domain normalised
 * @param idp the IdP that vouched for it
 * @param fingerprints the SDP's fingerprints that the assertion covers
 */
public record VerifiedIdentity(String name, IdpConfig idp, List<DtlsFingerprint> fingerprints) {
    public VerifiedIdentity {
        fingerprints = List.copyOf(fingerprints);
    }
}
