package org.callsign.signaling.identity.store;

import java.util.Optional;

/** Which client each identity names, and the reverse; an identity names at most one client and a client binds one. */
public interface IdentityStore {

    /** The binding of an identity. */
    Optional<BoundIdentity> byIdentity(String identity);

    /** The binding of a client. */
    Optional<BoundIdentity> byClient(String clientId);

    /**
     * Binds, replacing the client's previous identity; false (and nothing changed) when the identity names another
     * client.
     */
    boolean bind(BoundIdentity binding);

    /** Removes the client's binding; whether there was one. */
    boolean unbind(String clientId);
}
