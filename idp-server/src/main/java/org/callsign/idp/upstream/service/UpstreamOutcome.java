package org.callsign.idp.upstream.service;

import org.callsign.idp.account.store.Account;
import org.callsign.idp.upstream.store.PendingLogin;

/**
 * A completed upstream login or link.
 *
 * @param account the local account that logged in, or that the upstream identity was linked to
 * @param login the login as it was started (where to continue, whether it was a link)
 */
public record UpstreamOutcome(Account account, PendingLogin login) {}
