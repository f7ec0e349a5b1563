package org.callsign.idp.account.rest;

import java.time.Instant;

/**
 * An account as the API shows it: never the password hash.
 *
 * @param username the normalised user part
 * @param identity {@code username@domain}
 * @param displayName profile claim {@code name}, or null
 * @param avatarUrl profile claim {@code picture}, or null
 * @param signalingServer the user's signaling server (named in WebFinger), or null
 * @param created when it was registered
 */
public record AccountView(
        String username,
        String identity,
        String displayName,
        String avatarUrl,
        String signalingServer,
        Instant created) {}
