package org.callsign.shim.identity;

import java.util.HashSet;
import java.util.Optional;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sdp.SessionDescription;

/**
 * The peer identity of one connection across negotiations (W3C webrtc-identity §9.6 {@code peerIdentity},
 * RFC 8827 §5.1.4 and §7.5): a target identity, once set, never changes, and every verified identity must
 * equal it; once an identity is established, a later description must assert the same identity, or keep
 * exactly the same fingerprints without {@code a=identity}; a changed fingerprint set without a new
 * {@code a=identity} drops the identity. Not thread safe: one per connection.
 */
public final class PeerIdentity {
    private final IdentityVerifier verifier;
    private final String origin;
    private String target;
    private VerifiedIdentity current;

    public PeerIdentity(IdentityVerifier verifier, String origin) {
        this.verifier = verifier;
        this.origin = origin;
    }

    /** Sets the identity the peer must have ({@code RTCConfiguration.peerIdentity}); only once. */
    public void requireTarget(String identity) throws IdentityException {
        String normalised = DomainRule.normalise(identity);
        if (target != null && !target.equals(normalised)) {
            throw new IdentityException(
                    IdentityError.PEER_IDENTITY_MISMATCH,
                    "target peer identity is already " + target + "; it cannot change");
        }
        target = normalised;
    }

    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** The identity established so far, if any. */
    public Optional<VerifiedIdentity> current() {
        return Optional.ofNullable(current);
    }

    /** Applies a remote description; returns the identity that holds after it. */
    public Optional<VerifiedIdentity> onRemoteDescription(SessionDescription sdp) throws IdentityException {
        Optional<VerifiedIdentity> verified = verifier.verify(sdp, origin);
        if (verified.isEmpty()) {
            if (current != null && new HashSet<>(current.fingerprints()).equals(new HashSet<>(sdp.fingerprints()))) {
                return Optional.of(current);
            }
            current = null;
            if (target != null) {
                throw new IdentityException(
                        IdentityError.PEER_IDENTITY_MISMATCH,
                        "peer must be " + target + " but the description asserts no identity");
            }
            return Optional.empty();
        }
        VerifiedIdentity identity = verified.get();
        if (target != null && !target.equals(identity.name())) {
            throw new IdentityException(
                    IdentityError.PEER_IDENTITY_MISMATCH,
                    "peer is " + identity.name() + ", not the required " + target);
        }
        if (current != null && !current.name().equals(identity.name())) {
            throw new IdentityException(
                    IdentityError.PEER_IDENTITY_MISMATCH,
                    "peer identity changed from " + current.name() + " to " + identity.name());
        }
        current = identity;
        return Optional.of(identity);
    }
}
