package org.callsign.shim.identity;

import java.util.List;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.GeneratedAssertion;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sdp.DtlsFingerprint;
import org.callsign.shim.sdp.SessionDescription;

/**
 * The authenticating party's side (RFC 8827 §7.4, W3C webrtc-identity §9.3): build {@code contents} from
 * the description's fingerprints, ask the IdP for an assertion over it, check the result, and put it into
 * the description as a session-level {@code a=identity}.
 */
public final class IdentityAsserter {
    private final IdpSandbox sandbox;

    public IdentityAsserter(IdpSandbox sandbox) {
        this.sandbox = sandbox;
    }

    /** {@code sdp} with an {@code a=identity} from {@code idp} for {@code origin}. */
    public SessionDescription assertIdentity(
            SessionDescription sdp, IdpProxyAddress idp, String origin, GenerateOptions options)
            throws IdentityException {
        List<DtlsFingerprint> fingerprints = sdp.fingerprints();
        if (fingerprints.isEmpty()) {
            throw new IdentityException(IdentityError.SDP_MALFORMED, "SDP has no a=fingerprint to assert");
        }
        String contents = FingerprintContents.of(fingerprints).json();
        GeneratedAssertion generated = sandbox.generateAssertion(idp, contents, origin, options);
        IdpProxyAddress named = IdpProxyAddress.of(generated.domain(), generated.protocol());
        String value = new IdentityAttribute(
                        new IdpConfig(named.domain().toString(), named.protocol()), generated.assertion())
                .encode();
        if (value.length() > IdentityAttribute.MAX_ATTRIBUTE_LENGTH) {
            throw new IdentityException(
                    IdentityError.IDENTITY_MALFORMED,
                    "assertion too long for a=identity: " + value.length() + " characters, limit "
                            + IdentityAttribute.MAX_ATTRIBUTE_LENGTH);
        }
        return sdp.withIdentity(value);
    }
}
