package org.callsign.signaling.identity.store;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;
import org.callsign.server.store.OptimisticRetry;

/**
 * Bound identities in a {@link KeyValueStore}, namespace {@value #NAMESPACE}: each binding under {@code name:<identity>}
 * and {@code client:<client id>}, both written in one durable update that applies only if neither record changed
 * since it was read ({@link JsonNamespace#updateIf}), and is otherwise decided again: two processes sharing the store
 * cannot bind one identity to two clients.
 */
@Singleton
public class KeyValueIdentityStore implements IdentityStore {

    /** The store namespace of bound identities. */
    public static final String NAMESPACE = "identities";

    private final JsonNamespace<BoundIdentity> bindings;

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
        String nameKey = nameKey(binding.identity());
        String clientKey = clientKey(binding.clientId());
        return OptimisticRetry.run(NAMESPACE + "/" + nameKey, () -> {
            Map<String, Optional<byte[]>> read = read(nameKey, clientKey);
            Optional<BoundIdentity> holder = decode(read, nameKey);
            if (holder.isPresent() && !holder.get().clientId().equals(binding.clientId())) {
                return Optional.of(false);
            }
            List<String> removals = new ArrayList<>();
            decode(read, clientKey)
                    .filter(old -> !old.identity().equals(binding.identity()))
                    .ifPresent(old -> removals.add(nameKey(old.identity())));
            Map<String, BoundIdentity> puts = new HashMap<>();
            puts.put(nameKey, binding);
            puts.put(clientKey, binding);
            return bindings.updateIf(read, puts, removals) ? Optional.of(true) : Optional.empty();
        });
    }

    @Override
    public boolean unbind(String clientId) {
        String clientKey = clientKey(clientId);
        return OptimisticRetry.run(NAMESPACE + "/" + clientKey, () -> {
            Map<String, Optional<byte[]>> read = read(clientKey);
            Optional<BoundIdentity> old = decode(read, clientKey);
            if (old.isEmpty()) {
                return Optional.of(false);
            }
            List<String> removals = List.of(clientKey, nameKey(old.get().identity()));
            return bindings.updateIf(read, Map.of(), removals) ? Optional.of(true) : Optional.empty();
        });
    }

    /** The stored bytes of each key (empty: absent), as {@link JsonNamespace#updateIf} expects them. */
    private Map<String, Optional<byte[]>> read(String... keys) {
        Map<String, Optional<byte[]>> read = new HashMap<>();
        for (String key : keys) {
            read.put(key, bindings.bytes(key));
        }
        return read;
    }

    private Optional<BoundIdentity> decode(Map<String, Optional<byte[]>> read, String key) {
        return read.get(key).map(bytes -> bindings.decode(key, bytes));
    }

    private static String nameKey(String identity) {
        return "name:" + identity;
    }

    private static String clientKey(String clientId) {
        return "client:" + clientId;
    }
}
