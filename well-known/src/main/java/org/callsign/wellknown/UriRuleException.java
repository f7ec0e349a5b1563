package org.callsign.wellknown;

/**
 * A value that cannot be part of a well-known URI: an authority with userinfo or a path, or a path segment
 * that contains a separator (RFC 8615 §3, RFC 8827 §7.5). Thrown before any network request is made.
 */
public final class UriRuleException extends WellKnownException {
    private static final long serialVersionUID = 1L;

    public UriRuleException(String message) {
        super(message);
    }
}
