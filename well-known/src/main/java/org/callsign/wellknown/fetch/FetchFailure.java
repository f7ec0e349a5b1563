package org.callsign.wellknown.fetch;

/**
 * Why a fetch failed. Callers map these to their own vocabulary; {@code browser-shim}, for example, turns
 * {@link #TLS_FAILURE} into the W3C {@code idp-tls-failure} and the timeouts into {@code idp-timeout}.
 */
public enum FetchFailure {
    /** The URI is not absolute, has no host, or carries userinfo. */
    INVALID_URI("invalid-uri"),
    /** A scheme other than https, or http where plain HTTP is not enabled for this address. */
    INSECURE_SCHEME("insecure-scheme"),
    /** The host name did not resolve. */
    UNKNOWN_HOST("unknown-host"),
    /** Every address of the host is loopback, private, link-local or otherwise refused by the policy. */
    BLOCKED_ADDRESS("blocked-address"),
    /** No TCP connection within the connect timeout. */
    CONNECT_TIMEOUT("connect-timeout"),
    /** The TCP connection was refused or reset. */
    CONNECT_FAILED("connect-failed"),
    /** The TLS handshake failed: untrusted or expired certificate, wrong host name, no common protocol. */
    TLS_FAILURE("tls-failure"),
    /** The server sent nothing for longer than the read timeout. */
    READ_TIMEOUT("read-timeout"),
    /** The whole exchange, redirects included, took longer than the total timeout. */
    TOTAL_TIMEOUT("total-timeout"),
    /** The status line and headers exceeded the header size or count limit. */
    HEADERS_TOO_LARGE("headers-too-large"),
    /** The body exceeded the response size limit. */
    TOO_LARGE("too-large"),
    /** The response could not be parsed as HTTP/1.x. */
    MALFORMED_RESPONSE("malformed-response"),
    /** A final response with a status other than 2xx (or 304 for a cached entry). */
    HTTP_STATUS("http-status"),
    /** A 2xx response whose media type is not one the caller accepts. */
    BAD_CONTENT_TYPE("bad-content-type"),
    /** More redirects than the policy allows. */
    TOO_MANY_REDIRECTS("too-many-redirects"),
    /** A redirect from https to http, or to any scheme other than https. */
    REDIRECT_DOWNGRADE("redirect-downgrade"),
    /** A redirect without a usable {@code Location}. */
    BAD_REDIRECT("bad-redirect"),
    /** Another I/O error on an established connection. */
    IO_ERROR("io-error");

    private final String code;

    FetchFailure(String code) {
        this.code = code;
    }

    /** Stable lower-case code for logs, JSON output and tests. */
    public String code() {
        return code;
    }
}
