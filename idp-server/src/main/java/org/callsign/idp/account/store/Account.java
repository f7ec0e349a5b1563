package org.callsign.idp.account.store;

import java.time.Instant;

/**
 * A stored account. The identity is {@code username@<domain>}; the {@code id} is random and never reused, so that
 * sessions and consents of a deleted account never apply to a later account of the same name.
 *
 * @param id random identifier, the key of the account's sessions and consents
 * @param username the normalised user part (see {@code Usernames})
 * @param passwordHash bcrypt in modular crypt format ({@code $2a$<cost>$...})
 * @param generation incremented on every password change; sessions of an older generation are void
 * @param created when the account was registered
 * @param displayName optional profile claim {@code name}
 * @param avatarUrl optional profile claim {@code picture}
 * @param signalingServer optional URL of the user's signaling server, published in WebFinger; {@code null} if unset
 */
public record Account(
        String id,
        String username,
        String passwordHash,
        long generation,
        Instant created,
        String displayName,
        String avatarUrl,
        String signalingServer) {

    /** This account with a new password hash and the next generation (voiding every session). */
    public Account withPassword(String newHash) {
        return new Account(id, username, newHash, generation + 1, created, displayName, avatarUrl, signalingServer);
    }

    /** This account with a rehashed password at a higher cost; sessions stay valid. */
    public Account withRehashedPassword(String newHash) {
        return new Account(id, username, newHash, generation, created, displayName, avatarUrl, signalingServer);
    }

    /** This account with a new profile. */
    public Account withProfile(String newDisplayName, String newAvatarUrl, String newSignalingServer) {
        return new Account(
                id, username, passwordHash, generation, created, newDisplayName, newAvatarUrl, newSignalingServer);
    }

    /** Names the account, never the hash. */
    @Override
    public String toString() {
        return "Account[" + username + ", id=" + id + ", generation=" + generation + "]";
    }
}
