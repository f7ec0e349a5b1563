package org.callsign.idp.session.rest;

/** Body of {@code POST /api/session} and {@code POST /api/tokens}. */
public record LoginRequest(String username, String password) {

    /** Names the user, never the password. */
    @Override
    public String toString() {
        return "LoginRequest[" + username + "]";
    }
}
