package org.callsign.shim.sandbox;

import java.net.URI;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.wellknown.Authority;
import org.callsign.wellknown.UriRuleException;
import org.callsign.wellknown.WellKnownUri;

/**
 * Where an IdP's proxy script lives: {@code https://<domain>/.well-known/idp-proxy/<protocol>} (RFC 8827
 * §7.5, W3C webrtc-identity §5.2). Both parts are checked before any request: the domain has no userinfo,
 * path, query or fragment; the protocol is one path segment without {@code /}, {@code \} or their
 * percent-encodings.
 *
 * @param domain the IdP's host and optional port
 * @param protocol the IdP protocol, {@code default} unless the IdP says otherwise
 */
public record IdpProxyAddress(Authority domain, String protocol) {
    public static final String DEFAULT_PROTOCOL = "default";

    public static IdpProxyAddress of(String domain, String protocol) throws IdentityException {
        try {
            String effective = protocol == null || protocol.isEmpty() ? DEFAULT_PROTOCOL : protocol;
            return new IdpProxyAddress(Authority.parse(domain), WellKnownUri.requireSegment("protocol", effective));
        } catch (UriRuleException e) {
            throw new IdentityException(IdentityError.IDP_INVALID, "IdP rejected: " + e.getMessage(), e);
        }
    }

    /** The script's URI; {@code http} only when allowed and the host is loopback by name or literal. */
    public URI scriptUri(boolean allowHttpLoopback) throws IdentityException {
        try {
            String host = domain.host();
            boolean loopback = host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
            return WellKnownUri.of(allowHttpLoopback && loopback ? "http" : "https", domain, "idp-proxy", protocol);
        } catch (UriRuleException e) {
            throw new IdentityException(IdentityError.IDP_INVALID, "IdP rejected: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return domain + " (" + protocol + ")";
    }
}
