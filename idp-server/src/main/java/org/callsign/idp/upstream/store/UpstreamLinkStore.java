package org.callsign.idp.upstream.store;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.callsign.server.store.JsonRecords;
import org.callsign.server.store.KeyValueStore;

/**
 * Links of upstream identities to accounts, namespace {@value #NAMESPACE}, one JSON record per {@code
 * <provider>:<sub>} (provider names hold no {@code :}, so the key is unambiguous). An account's links are found by
 * scanning the namespace: an account has few, and the IdP serves one domain.
 */
@Singleton
public class UpstreamLinkStore {

    /** The store namespace of links. */
    public static final String NAMESPACE = "upstream-links";

    private final KeyValueStore store;

    public UpstreamLinkStore(KeyValueStore store) {
        this.store = store;
    }

    /** The link of an upstream identity. */
    public Optional<UpstreamLink> find(String provider, String subject) {
        String key = key(provider, subject);
        return store.get(NAMESPACE, key).map(bytes -> JsonRecords.decode(NAMESPACE, key, bytes, UpstreamLink.class));
    }

    /** Stores the link, replacing any of the same upstream identity. */
    public void save(UpstreamLink link) {
        String key = key(link.provider(), link.subject());
        store.put(NAMESPACE, key, JsonRecords.encode(NAMESPACE, key, link));
    }

    /** The links of an account, ordered by provider and subject. */
    public List<UpstreamLink> forAccount(String accountId) {
        return store.entries(NAMESPACE).entrySet().stream()
                .map(entry -> JsonRecords.decode(NAMESPACE, entry.getKey(), entry.getValue(), UpstreamLink.class))
                .filter(link -> link.accountId().equals(accountId))
                .toList();
    }

    /** Removes a link; false if there was none. */
    public boolean remove(UpstreamLink link) {
        return store.remove(NAMESPACE, key(link.provider(), link.subject()));
    }

    /** Removes every link of an account; returns how many. */
    public int removeAccount(String accountId) {
        List<UpstreamLink> links = forAccount(accountId);
        links.forEach(this::remove);
        return links.size();
    }

    private static String key(String provider, String subject) {
        return provider + ":" + subject;
    }
}
