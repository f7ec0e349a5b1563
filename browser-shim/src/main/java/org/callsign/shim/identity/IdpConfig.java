package org.callsign.shim.identity;

/**
 * Which identity provider to use and how to reach its proxy script: the {@code idp} member of {@code a=identity}
 * (RFC 8827 §7.4.1) and the W3C webrtc-identity {@code RTCIdentityProviderDetails}. The script is loaded from
 * {@code https://<domain>/.well-known/idp-proxy/<protocol>} (RFC 8827, W3C webrtc-identity).
 *
 * <p>This record checks only the shape, two non-empty strings; whether the domain and protocol are acceptable is
 * decided where the script's address is built.
 *
 * @param domain the IdP's domain, with an optional port: {@code idp.example}, {@code idp.test:8443}
 * @param protocol the proxy protocol, {@value #DEFAULT_PROTOCOL} unless the IdP says otherwise
 */
public record IdpConfig(String domain, String protocol) {
    /** The protocol name when none is given (W3C webrtc-identity). */
    public static final String DEFAULT_PROTOCOL = "default";

    public IdpConfig {
        if (domain == null || domain.isEmpty()) {
            throw new IllegalArgumentException("IdP domain is missing");
        }
        if (protocol == null || protocol.isEmpty()) {
            throw new IllegalArgumentException("IdP protocol is missing");
        }
    }
}
