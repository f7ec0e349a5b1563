package org.callsign.signaling.call.service;

import java.util.Optional;
import org.callsign.shim.identity.VerifiedIdentity;

/**
 * What the callee's server learnt of a caller from the offer's {@code a=identity}: the verified identity, or the code
 * of why there is none ({@code identity-missing}, or the {@code IdentityError} code).
 *
 * @param verified the identity, if verified
 * @param failure why it is not, or {@code null}
 */
public record CallerCheck(Optional<VerifiedIdentity> verified, String failure) {

    /** The offer carried no {@code a=identity}. */
    public static final String IDENTITY_MISSING = "identity-missing";
}
