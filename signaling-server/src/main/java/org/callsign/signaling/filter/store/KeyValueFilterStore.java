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
 * record per client in each. A client's rules are rewritten whole on every change, by one conditional write, so that
 * changes made at once by several processes sharing the store are all kept.
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
        return rules.compute(clientId, current -> {
                    Map<String, String> now =
                            new TreeMap<>(current.map(ClientRules::rules).orElse(Map.of()));
                    now.putAll(puts);
                    now.keySet().removeAll(removals);
                    return now.isEmpty() ? Optional.empty() : Optional.of(new ClientRules(now));
                })
                .map(ClientRules::rules)
                .map(TreeMap::new)
                .orElseGet(TreeMap::new);
    }

    @Override
    public void removeClient(String clientId) {
        settings.remove(clientId);
        rules.remove(clientId);
    }
}
