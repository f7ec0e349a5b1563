package org.callsign.signaling.fingerprint.store;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/** Authorised fingerprints in a {@link KeyValueStore}, namespace {@value #NAMESPACE}, keyed by the fingerprint. */
@Singleton
public class KeyValueAuthorizedFingerprintStore implements AuthorizedFingerprintStore {

    /** The store namespace of authorised fingerprints. */
    public static final String NAMESPACE = "authorized-fingerprints";

    private final JsonNamespace<AuthorizedFingerprint> fingerprints;

    public KeyValueAuthorizedFingerprintStore(KeyValueStore store) {
        this.fingerprints = new JsonNamespace<>(store, NAMESPACE, AuthorizedFingerprint.class);
    }

    @Override
    public List<AuthorizedFingerprint> list() {
        return List.copyOf(fingerprints.entries().values());
    }

    @Override
    public Optional<AuthorizedFingerprint> find(String fingerprint) {
        return fingerprints.get(fingerprint);
    }

    @Override
    public synchronized void replaceAll(Collection<AuthorizedFingerprint> wanted) {
        Map<String, AuthorizedFingerprint> puts = new LinkedHashMap<>();
        wanted.forEach(entry -> puts.put(entry.fingerprint(), entry));
        Set<String> removals = fingerprints.entries().keySet().stream()
                .filter(key -> !puts.containsKey(key))
                .collect(Collectors.toSet());
        fingerprints.update(puts, removals);
    }
}
