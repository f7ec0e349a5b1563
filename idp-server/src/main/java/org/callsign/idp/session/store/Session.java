package org.callsign.idp.session.store;

import java.time.Instant;

/**
 * A server-side login: a cookie session or a bearer token. Stored under the SHA-256 of its secret, so the store
 * never holds a usable credential.
 *
 * @param accountId the account's random id
 * @param username the account's username at issue
 * @param kind cookie or bearer; a secret works only as its own kind
 * @param generation the account's password generation at issue; a password change voids older sessions
 * @param created when it was issued
 * @param expires when it stops working
 */
public record Session(
        String accountId, String username, SessionKind kind, long generation, Instant created, Instant expires) {}
