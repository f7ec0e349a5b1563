package org.callsign.idp.upstream.store;

import java.time.Instant;

/**
 * An upstream login between the redirect to the provider and its callback: what the callback must match and where it
 * continues. Kept in memory only; the {@code state} that keys it travels through the browser, the rest never does.
 *
 * @param provider the provider's configured name
 * @param nonce the {@code nonce} sent (OpenID Connect Core 1.0 §3.1.2.1), expected back in the ID token
 * @param codeVerifier the PKCE code verifier (RFC 7636 §4.1), sent only to the token endpoint
 * @param bindingHash SHA-256 (base64url) of the secret in the browser's binding cookie (RFC 6749 §10.12)
 * @param origin the relying origin the login page was opened for, or {@code null}
 * @param next where the login page continues, or {@code null}
 * @param linkAccountId the account that links this upstream identity, or {@code null} for a login
 * @param linkUsername that account's username, or {@code null} for a login
 * @param expires when the callback is no longer accepted
 */
public record PendingLogin(
        String provider,
        String nonce,
        String codeVerifier,
        String bindingHash,
        String origin,
        String next,
        String linkAccountId,
        String linkUsername,
        Instant expires) {

    /** Whether this is a link of an upstream identity to a logged-in account rather than a login. */
    public boolean isLink() {
        return linkAccountId != null;
    }

    /** Never the verifier or nonce. */
    @Override
    public String toString() {
        return "PendingLogin[" + provider + (isLink() ? ", link" : "") + ", expires=" + expires + "]";
    }
}
