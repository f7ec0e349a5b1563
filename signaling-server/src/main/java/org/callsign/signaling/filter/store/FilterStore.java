package org.callsign.signaling.filter.store;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Each client's filter: its settings and its rules (pattern to action, {@code allow} or {@code block}). */
public interface FilterStore {

    /** The client's settings, if it ever set any. */
    Optional<FilterSettings> settings(String clientId);

    /** Replaces the client's settings; durable on return. */
    void saveSettings(String clientId, FilterSettings settings);

    /** The client's rules, pattern to action, ordered by pattern. */
    Map<String, String> rules(String clientId);

    /**
     * Adds rules (a pattern already present takes the new action) and removes patterns, in one durable change.
     *
     * @return the rules now
     */
    Map<String, String> updateRules(String clientId, Map<String, String> puts, Collection<String> removals);

    /** Forgets everything of the client. */
    void removeClient(String clientId);
}
