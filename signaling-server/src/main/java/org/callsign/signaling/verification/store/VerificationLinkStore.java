package org.callsign.signaling.verification.store;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * What verification links need kept: the key that signs them, and the ids of links already used until they expire (so
 * that each link verifies once). Every write is durable when it returns. The embedded implementation is
 * {@link KeyValueVerificationLinkStore}; others pass {@code VerificationLinkStoreContract}.
 */
public interface VerificationLinkStore {

    /** The signing key: the stored one, or {@code generate}'s, stored first if there was none. */
    byte[] signingKey(Supplier<byte[]> generate);

    /** Whether link {@code linkId} has been used (and has not yet expired). */
    boolean used(String linkId);

    /**
     * Records that link {@code linkId}, valid until {@code expires}, has been used; false if it was already (atomic,
     * so of two concurrent uses exactly one succeeds). Records expired at {@code now} are dropped on the way.
     */
    boolean markUsed(String linkId, Instant expires, Instant now);
}
