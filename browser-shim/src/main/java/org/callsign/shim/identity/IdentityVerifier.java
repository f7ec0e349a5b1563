package org.callsign.shim.identity;

import java.util.List;
import java.util.Optional;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.ValidationResult;
import org.callsign.shim.sdp.DtlsFingerprint;
import org.callsign.shim.sdp.SessionDescription;

/**
 * The relying party's check of a remote description (RFC 8827 §7.5, W3C webrtc-identity §9.5): decode
 * {@code a=identity} (a malformed one fails before any fetch), load the IdP it names, have the IdP validate
 * the assertion for this origin, require the validated {@code contents} to cover every fingerprint of the
 * SDP, and apply the {@link DomainRule}.
 */
public final class IdentityVerifier {
    private final IdpSandbox sandbox;
    private final DomainRule domainRule;

    public IdentityVerifier(IdpSandbox sandbox, DomainRule domainRule) {
        this.sandbox = sandbox;
        this.domainRule = domainRule;
    }

    /** The verified identity, or empty when the description carries no {@code a=identity}. */
    public Optional<VerifiedIdentity> verify(SessionDescription sdp, String origin) throws IdentityException {
        return verify(sdp, List.of(origin));
    }

    /**
     * Like {@link #verify(SessionDescription, String)}, for a relying party that accepts assertions made for any of
     * {@code origins}, in order of preference: the IdP validates for the first, and for the next only when it found
     * the assertion invalid ({@code idp-token-invalid}) for the one before; the last origin's failure is thrown. Other
     * failures (login, load, timeout) end at once. A Callsign server accepts its own origin and that of the server it
     * has authenticated as sending the call, since a browser with native identity (Firefox) asserts for its page's
     * origin (W3C webrtc-identity §9.3), which is the sender's (docs/federation.md).
     *
     * @throws IllegalArgumentException if {@code origins} is empty
     */
    public Optional<VerifiedIdentity> verify(SessionDescription sdp, List<String> origins) throws IdentityException {
        if (origins.isEmpty()) {
            throw new IllegalArgumentException("no relying origin");
        }
        Optional<String> attribute = sdp.identity();
        if (attribute.isEmpty()) {
            return Optional.empty();
        }
        List<DtlsFingerprint> fingerprints = sdp.fingerprints();
        if (fingerprints.isEmpty()) {
            throw new IdentityException(IdentityError.SDP_MALFORMED, "SDP has a=identity but no a=fingerprint");
        }
        IdentityAttribute identity = IdentityAttribute.decode(attribute.get());
        IdpProxyAddress idp =
                IdpProxyAddress.of(identity.idp().domain(), identity.idp().protocol());
        ValidationResult validated = validate(idp, identity.assertion(), origins);
        List<DtlsFingerprint> uncovered =
                FingerprintContents.parse(validated.contents()).uncovered(fingerprints);
        if (!uncovered.isEmpty()) {
            throw new IdentityException(
                    IdentityError.FINGERPRINT_NOT_COVERED,
                    "assertion does not cover "
                            + uncovered.get(0).toAttributeValue()
                            + (uncovered.size() > 1 ? " and " + (uncovered.size() - 1) + " more" : ""));
        }
        String name = domainRule.check(validated.identity(), identity.idp().domain());
        return Optional.of(new VerifiedIdentity(name, identity.idp(), fingerprints));
    }

    private ValidationResult validate(IdpProxyAddress idp, String assertion, List<String> origins)
            throws IdentityException {
        for (int i = 0; ; i++) {
            try {
                return sandbox.validateAssertion(idp, assertion, origins.get(i));
            } catch (IdentityException e) {
                if (e.error() != IdentityError.IDP_TOKEN_INVALID || i == origins.size() - 1) {
                    throw e;
                }
            }
        }
    }
}
