package org.callsign.idp.session.rest;

import java.time.Instant;

/**
 * The current login.
 *
 * @param username the normalised user part
 * @param identity {@code username@domain}
 * @param kind {@code cookie} or {@code bearer}
 * @param expiresAt when the session or token expires
 */
public record SessionView(String username, String identity, String kind, Instant expiresAt) {}
