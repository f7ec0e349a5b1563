package org.callsign.idp.upstream.store;

import java.time.Instant;

/**
 * A link between an upstream identity (issuer's {@code sub}, OpenID Connect Core 1.0 §2: unique and never reassigned
 * within the issuer) and a local account.
 *
 * @param provider the provider's configured name
 * @param subject the provider's {@code sub}
 * @param accountId the local account's random id (a link never applies to a later account of the same name)
 * @param username the local account's username
 * @param email the upstream {@code email} at linking time, for display; may be {@code null}
 * @param linked when the link was made
 */
public record UpstreamLink(
        String provider, String subject, String accountId, String username, String email, Instant linked) {}
