package org.callsign.signaling.client.service;

/**
 * Who is asking to register a client, which decides whether a closed registration admits them and whether they may
 * register an owner.
 */
public enum Registrar {
    /** No credentials: admitted only while registration is open, or as the bootstrap. */
    ANYONE,
    /** An authenticated client that is not an owner: no more than anyone. */
    CLIENT,
    /** An authenticated owner: may register clients and owners at any time. */
    OWNER,
    /** The holder of the admin secret: may register clients and owners at any time. */
    ADMIN;

    /** Whether this registrar may register while registration is closed, and may register owners. */
    public boolean privileged() {
        return this == OWNER || this == ADMIN;
    }
}
