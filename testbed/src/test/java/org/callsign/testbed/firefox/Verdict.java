package org.callsign.testbed.firefox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.VerifiedIdentity;

/**
 * What a relying party made of a remote offer: the verified peer identity's name, {@link #NONE} (no identity), or
 * {@link #REFUSED}; {@code detail} says why, for failure messages and docs/interop.md.
 */
public record Verdict(String outcome, String detail) {
    public static final String NONE = "none";
    public static final String REFUSED = "refused";

    /** browser-shim's verdict: {@code PeerIdentity.onRemoteDescription}'s identity, none, or its error. */
    public static Verdict ofShim(ShimCall call) {
        try {
            Optional<VerifiedIdentity> identity = call.run();
            return identity.map(v -> new Verdict(v.name(), "idp " + v.idp().domain()))
                    .orElseGet(() -> new Verdict(NONE, "no a=identity"));
        } catch (IdentityException e) {
            return new Verdict(REFUSED, e.error().code() + ": " + e.getMessage());
        }
    }

    /**
     * Firefox's verdict from the page's {@code receive} answer: the name {@code pc.peerIdentity} resolved to (with
     * {@code setRemoteDescription} accepted); none when it stayed pending; refused when either was rejected.
     */
    public static Verdict ofFirefox(JsonNode outcome) {
        JsonNode identity = outcome.path("peerIdentity");
        boolean accepted = "accepted".equals(outcome.path("remote").asText());
        if (accepted && identity.has("name")) {
            return new Verdict(
                    identity.path("name").asText(),
                    "idp " + identity.path("idp").asText());
        }
        if (accepted && "pending".equals(identity.path("error").asText())) {
            return new Verdict(NONE, "peerIdentity pending");
        }
        return new Verdict(REFUSED, outcome.toString());
    }

    /** browser-shim's side of a case. */
    @FunctionalInterface
    public interface ShimCall {
        Optional<VerifiedIdentity> run() throws IdentityException;
    }
}
