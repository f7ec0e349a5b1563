package org.callsign.shim;

/**
 * Every way an identity operation can fail: the W3C {@code RTCErrorDetailType} values for IdP failures
 * (webrtc-identity §9.3, RFC 8827 §7.6), then Callsign's own codes for the checks a browser makes around them.
 */
public enum IdentityError {
    /** The proxy script could not be parsed, threw while loading, or did not register in its first run. */
    IDP_BAD_SCRIPT_FAILURE("idp-bad-script-failure"),
    /** The script's {@code generateAssertion} or {@code validateAssertion} threw or rejected. */
    IDP_EXECUTION_FAILURE("idp-execution-failure"),
    /** The script could not be loaded: network failure, HTTP error, wrong content type, too large. */
    IDP_LOAD_FAILURE("idp-load-failure"),
    /** The user must log in at the IdP; {@code idpLoginUrl} says where. */
    IDP_NEED_LOGIN("idp-need-login"),
    /** The TLS connection to the IdP failed (certificate not trusted, expired, wrong name). */
    IDP_TLS_FAILURE("idp-tls-failure"),
    /** Loading or running the script took longer than the deadline. */
    IDP_TIMEOUT("idp-timeout"),
    /** The assertion has expired. */
    IDP_TOKEN_EXPIRED("idp-token-expired"),
    /** The assertion is not valid. */
    IDP_TOKEN_INVALID("idp-token-invalid"),
    /** The SDP cannot be parsed or breaks a size limit. */
    SDP_MALFORMED("sdp-malformed"),
    /** The {@code a=identity} attribute, or an assertion result, does not have the required shape. */
    IDENTITY_MALFORMED("identity-malformed"),
    /** The IdP domain or protocol is not acceptable (userinfo, path, {@code /} or {@code \} in the protocol). */
    IDP_INVALID("idp-invalid"),
    /** An {@code a=fingerprint} of the SDP is not in the asserted {@code contents}. */
    FINGERPRINT_NOT_COVERED("fingerprint-not-covered"),
    /** The asserted identity's domain is not the IdP's, and no third-party IdP is trusted for it. */
    DOMAIN_MISMATCH("domain-mismatch"),
    /** The verified identity is not the peer identity that was required. */
    PEER_IDENTITY_MISMATCH("peer-identity-mismatch");

    private final String code;

    IdentityError(String code) {
        this.code = code;
    }

    /** The wire value, as in the CLI's {@code "error"} field. */
    public String code() {
        return code;
    }
}
