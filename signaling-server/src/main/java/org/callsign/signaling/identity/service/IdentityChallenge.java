package org.callsign.signaling.identity.service;

import java.time.Instant;

/**
 * What a client asks its IdP to assert, to prove an identity to this server: an assertion whose {@code contents} are
 * exactly {@code contents}, for the audience {@code origin}. The contents have the shape of RFC 8827 fingerprint
 * contents, the only shape an IdP need sign, with the random challenge as the one SHA-256 "fingerprint": no DTLS
 * certificate has it, so the assertion is useless in a call, and the challenge is useless to anyone else.
 *
 * @param challenge 256 random bits as colon-separated upper-case hex; single use
 * @param contents the exact string to give {@code generateAssertion}
 * @param origin this server's origin, the origin to give {@code generateAssertion}
 * @param expires when the challenge stops being accepted
 */
public record IdentityChallenge(String challenge, String contents, String origin, Instant expires) {}
