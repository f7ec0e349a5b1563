package org.callsign.idp.session.service;

import java.time.Instant;
import org.callsign.idp.session.store.SessionKind;

/**
 * The user a request is authenticated as, by session cookie or bearer token.
 *
 * @param accountId the account's random id (key of its consents)
 * @param username the normalised user part
 * @param identity {@code username@domain}, the {@code sub} of assertions
 * @param kind how the request authenticated
 * @param sessionKey the store key of the session (a hash, not the secret), for logout
 * @param expires when the session or token expires
 */
public record LoggedInUser(
        String accountId, String username, String identity, SessionKind kind, String sessionKey, Instant expires) {}
