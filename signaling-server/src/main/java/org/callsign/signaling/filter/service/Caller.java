package org.callsign.signaling.filter.service;

import java.net.InetAddress;
import java.util.Locale;

/**
 * What the callee's server knows of a caller when it decides whether a call rings.
 *
 * @param identity the caller's identity {@code user@domain}: verified, or only claimed, or {@code null}
 * @param verified whether {@code identity} was verified from the offer's {@code a=identity} (RFC 8827)
 * @param idpDomain the domain of the IdP that vouched for it, or {@code null} when not verified
 * @param address the address the call came from (the caller's server, or the device on this server), or {@code null}
 */
public record Caller(String identity, boolean verified, String idpDomain, InetAddress address) {

    /** The domain of the identity, lower case, or {@code null}. */
    public String domain() {
        if (identity == null) {
            return null;
        }
        int at = identity.lastIndexOf('@');
        return at < 0 ? null : identity.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
