package org.callsign.idp.session.service;

import org.callsign.idp.session.store.Session;

/**
 * A session just issued: the secret goes to the client once (cookie value or bearer token) and is never stored.
 *
 * @param secret the credential, 256 random bits in base64url
 * @param user who it authenticates
 * @param session the stored record
 */
public record IssuedSession(String secret, LoggedInUser user, Session session) {

    /** Names the user, never the secret. */
    @Override
    public String toString() {
        return "IssuedSession[" + user.identity() + ", " + session.kind().value() + "]";
    }
}
