package org.callsign.signaling.identity.service;

import java.time.Instant;

/**
 * What a client asks its IdP to assert, to prove an identity to this server: the assertion's {@code contents} must be
 * exactly {@code challenge}, for the audience {@code origin}.
 *
 * @param challenge 256 random bits, base64url; single use
 * @param origin this server's origin, the origin to give {@code generateAssertion}
 * @param expires when the challenge stops being accepted
 */
public record IdentityChallenge(String challenge, String origin, Instant expires) {}
