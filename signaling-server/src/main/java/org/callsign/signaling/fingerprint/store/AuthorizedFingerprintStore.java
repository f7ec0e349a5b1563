package org.callsign.signaling.fingerprint.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store's copy of the authorised fingerprints file (the file is the source of truth: see
 * {@code AuthorizedFingerprints}). Every write is durable when it returns and {@link #replaceAll} is atomic. The
 * embedded implementation is {@link KeyValueAuthorizedFingerprintStore}; others pass
 * {@code AuthorizedFingerprintStoreContract}.
 */
public interface AuthorizedFingerprintStore {

    /** Every authorised fingerprint, ordered by fingerprint. */
    List<AuthorizedFingerprint> list();

    /** The entry of a fingerprint (upper-case hex without colons). */
    Optional<AuthorizedFingerprint> find(String fingerprint);

    /** Makes the stored set exactly {@code fingerprints}, in one atomic change. */
    void replaceAll(Collection<AuthorizedFingerprint> fingerprints);
}
