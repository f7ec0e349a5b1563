package org.callsign.signaling.filter.store;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Filters in a {@link KeyValueStore}: settings in namespace {@value #SETTINGS}, rules in {@value #RULES}, one JSON
 * record per client in each. A client's rules are rewritten whole on every change, under one lock.
 */
@Singleton
public class KeyValueFilterStore implements FilterStore {

    /** The store namespace of filter settings. */
    public static final String SETTINGS = "filter-settings";

    /** The store namespace of filter rules. */
    public static final String RULES = "filter-rules";

    /** The stored value: one client's rules, pattern to action. */
    record ClientRules(Map<String, String> rules) {}

    private final JsonNamespace<FilterSettings> settings;
    private final JsonNamespace<ClientRules> rules;
    private final Object lock = new Object();

    public KeyValueFilterStore(KeyValueStore store) {
        this.settings = new JsonNamespace<>(store, SETTINGS, FilterSettings.class);
        this.rules = new JsonNamespace<>(store, RULES, ClientRules.class);
    }

    @Override
    public Optional<FilterSettings> settings(String clientId) {
        return settings.get(clientId);
    }

    @Override
    public void saveSettings(String clientId, FilterSettings value) {
        settings.put(clientId, value);
    }

    @Override
    public Map<String, String> rules(String clientId) {
        return rules.get(clientId).map(ClientRules::rules).map(TreeMap::new).orElseGet(TreeMap::new);
    }

    @Override
    public Map<String, String> updateRules(String clientId, Map<String, String> puts, Collection<String> removals) {
        synchronized (lock) {
            Map<String, String> now = rules(clientId);
            now.putAll(puts);
            now.keySet().removeAll(removals);
            if (now.isEmpty()) {
                rules.remove(clientId);
            } else {
                rules.put(clientId, new ClientRules(now));
            }
            return now;
        }
    }

    @Override
    public void removeClient(String clientId) {
        synchronized (lock) {
            settings.remove(clientId);
            rules.remove(clientId);
        }
    }
}
