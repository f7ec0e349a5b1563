package org.callsign.idp.upstream.rest;

import java.time.Instant;
import org.callsign.idp.upstream.store.UpstreamLink;

/**
 * One link of an upstream identity to the account, as {@code GET /api/upstream-links} shows it.
 *
 * @param provider the provider's configured name
 * @param subject the provider's {@code sub}
 * @param email the upstream {@code email} when the link was made, or {@code null}
 * @param linked when it was made
 */
public record UpstreamLinkView(String provider, String subject, String email, Instant linked) {

    static UpstreamLinkView of(UpstreamLink link) {
        return new UpstreamLinkView(link.provider(), link.subject(), link.email(), link.linked());
    }
}
