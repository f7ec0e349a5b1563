package org.callsign.signaling.federation.signature;

import java.time.Instant;
import java.util.Objects;

/**
 * The server that sent a federation request whose {@code Callsign-Signature} verified.
 *
 * @param origin the sender's origin ({@code iss}), e.g. {@code https://sig-a.example}
 * @param kid the id of the key that signed
 * @param jti the request's unique id, remembered until {@code expires}
 * @param expires the signature's {@code exp}
 */
public record VerifiedSender(String origin, String kid, String jti, Instant expires) {

    public VerifiedSender {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expires, "expires");
    }
}
