package org.callsign.wellknown.dns;

/**
 * Why an SRV lookup failed. {@link #NO_SUCH_DOMAIN} and {@link #NO_RECORDS} are answers (the name does not
 * exist; it exists but has no SRV record) and are cached; the others say the answer could not be had.
 */
public enum DnsFailure {
    /** The name asked for breaks the host-name rules (LDH labels, length); nothing was sent. */
    INVALID_NAME("invalid-name"),
    /** RCODE 3, NXDOMAIN (RFC 1035 §4.1.1): the name does not exist. */
    NO_SUCH_DOMAIN("no-such-domain"),
    /** NOERROR without an SRV record for the name (NODATA, RFC 2308 §2.2). */
    NO_RECORDS("no-records"),
    /** RCODE 2, SERVFAIL, from every server asked. */
    SERVER_FAILURE("server-failure"),
    /** RCODE 5, REFUSED, from every server asked. */
    REFUSED("refused"),
    /** Another RCODE: FORMERR, NOTIMP or one this client does not know. */
    UNEXPECTED_RCODE("unexpected-rcode"),
    /** No acceptable answer within the per-query timeouts and the overall deadline. */
    TIMEOUT("timeout"),
    /** A socket error: TCP connection refused or reset, network unreachable. */
    NETWORK_ERROR("network-error"),
    /** A response larger than the UDP (512 bytes) or TCP size limit. */
    TOO_LARGE("too-large"),
    /** A response that breaks RFC 1035: bad header, truncated section, bad name compression, bad RDLENGTH. */
    MALFORMED_RESPONSE("malformed-response");

    private final String code;

    DnsFailure(String code) {
        this.code = code;
    }

    /** Stable lower-case code for logs, JSON output and tests. */
    public String code() {
        return code;
    }
}
