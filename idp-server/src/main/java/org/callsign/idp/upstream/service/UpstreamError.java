package org.callsign.idp.upstream.service;

/**
 * Why an upstream login (OpenID Connect Core 1.0 §3.1) was refused, each with its HTTP status. The code is shown on
 * the error page ({@code data-error}); tests and operators branch on it, never on the message.
 */
public enum UpstreamError implements org.callsign.server.api.ErrorCode {
    /** No provider of that name is configured. */
    UNKNOWN_PROVIDER("upstream-unknown-provider", 404),
    /** The provider's metadata, keys or token endpoint could not be reached or made no sense. */
    PROVIDER_UNAVAILABLE("upstream-unavailable", 502),
    /** The provider answered the authorization request with an error (the user declined, for example). */
    AUTHORIZATION_DENIED("upstream-authorization-denied", 403),
    /** {@code state} unknown, used, expired, of another provider, or not started in this browser (RFC 6749 §10.12). */
    STATE_INVALID("upstream-state-invalid", 400),
    /** The token endpoint refused the code: used before, expired, or not issued for this PKCE verifier (RFC 7636). */
    CODE_REJECTED("upstream-code-rejected", 401),
    /** The ID token is malformed, not signed by a key of the provider, or not for this client. */
    TOKEN_INVALID("upstream-token-invalid", 401),
    /** The ID token (or the authorization response's {@code iss}) names another issuer. */
    ISSUER_MISMATCH("upstream-issuer-mismatch", 401),
    /** The ID token has expired. */
    TOKEN_EXPIRED("upstream-token-expired", 401),
    /** The ID token's {@code nonce} is not the one this login sent (OpenID Connect Core 1.0 §3.1.3.7). */
    NONCE_MISMATCH("upstream-nonce-mismatch", 401),
    /** The e-mail rule applies, but the provider does not say the address is verified. */
    EMAIL_UNVERIFIED("upstream-email-unverified", 403),
    /** The e-mail rule applies, but the address is not at an allowed domain. */
    DOMAIN_NOT_ALLOWED("upstream-domain-not-allowed", 403),
    /** No link and no rule maps this upstream identity to a local account. */
    NOT_MAPPED("upstream-identity-not-mapped", 403),
    /** The rule names a local account that does not exist, and the provider may not create accounts. */
    ACCOUNT_MISSING("upstream-account-missing", 403),
    /** The upstream identity is already linked to another account, or this account already has one of the provider. */
    ALREADY_LINKED("upstream-already-linked", 409),
    /** Too many upstream logins are waiting for their callback. */
    TOO_MANY_PENDING("upstream-too-many-pending", 503);

    private final String code;
    private final int status;

    UpstreamError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The wire value. */
    @Override
    public String code() {
        return code;
    }

    /** The HTTP status of the error page. */
    @Override
    public int status() {
        return status;
    }
}
