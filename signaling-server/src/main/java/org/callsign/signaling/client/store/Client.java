package org.callsign.signaling.client.store;

import java.time.Instant;

/**
 * A registered client (rtcd's model): an id chosen by the client and the bcrypt hash of its key. A client is one user
 * of this server; its devices, tokens and limits are its own. The {@code uid} is random and never reused, so tokens of
 * a deleted client never apply to a later client of the same id.
 *
 * @param clientId the id the client chose (see {@code ClientIds})
 * @param uid random identifier of this registration
 * @param keyHash bcrypt of the auth key in modular crypt format ({@code $2a$<cost>$...})
 * @param keyGeneration incremented by every key change; tokens of an older generation are void
 * @param owner whether this client owns the server (see the README: registration and authorised fingerprints)
 * @param created when the client was registered
 */
public record Client(String clientId, String uid, String keyHash, long keyGeneration, boolean owner, Instant created) {

    /** This client with a new key hash and the next generation (voiding every token). */
    public Client withKey(String newHash) {
        return new Client(clientId, uid, newHash, keyGeneration + 1, owner, created);
    }

    /** This client with a key rehashed at a higher cost; tokens stay valid. */
    public Client withRehashedKey(String newHash) {
        return new Client(clientId, uid, newHash, keyGeneration, owner, created);
    }

    /** Names the client, never the hash. */
    @Override
    public String toString() {
        return "Client[" + clientId + ", uid=" + uid + ", owner=" + owner + ", generation=" + keyGeneration + "]";
    }
}
