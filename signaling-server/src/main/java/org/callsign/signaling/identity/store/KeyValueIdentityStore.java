package org.callsign.signaling.identity.store;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Bound identities in a {@link KeyValueStore}, namespace {@value #NAMESPACE}: each binding under {@code name:<identity>}
 * and {@code client:<client id>}, both written in one durable update under one lock.
 */
@Singleton
public class KeyValueIdentityStore implements IdentityStore {

    /** The store namespace of bound identities. */
    public static final String NAMESPACE = "identities";

    private final JsonNamespace<BoundIdentity> bindings;
    private final Object lock = new Object();

    public KeyValueIdentityStore(KeyValueStore store) {
        this.bindings = new JsonNamespace<>(store, NAMESPACE, BoundIdentity.class);
    }

    @Override
    public Optional<BoundIdentity> byIdentity(String identity) {
        return bindings.get(nameKey(identity));
    }

    @Override
    public Optional<BoundIdentity> byClient(String clientId) {
        return bindings.get(clientKey(clientId));
    }

    @Override
    public boolean bind(BoundIdentity binding) {
        synchronized (lock) {
            Optional<BoundIdentity> holder = byIdentity(binding.identity());
            if (holder.isPresent() && !holder.get().clientId().equals(binding.clientId())) {
                return false;
            }
            List<String> removals = new ArrayList<>();
            byClient(binding.clientId())
                    .filter(old -> !old.identity().equals(binding.identity()))
                    .ifPresent(old -> removals.add(nameKey(old.identity())));
            Map<String, BoundIdentity> puts = new HashMap<>();
            puts.put(nameKey(binding.identity()), binding);
            puts.put(clientKey(binding.clientId()), binding);
            bindings.update(puts, removals);
            return true;
        }
    }

    @Override
    public boolean unbind(String clientId) {
        synchronized (lock) {
            Optional<BoundIdentity> old = byClient(clientId);
            old.ifPresent(
                    binding -> bindings.update(Map.of(), List.of(clientKey(clientId), nameKey(binding.identity()))));
            return old.isPresent();
        }
    }

    private static String nameKey(String identity) {
        return "name:" + identity;
    }

    private static String clientKey(String clientId) {
        return "client:" + clientId;
    }
}
