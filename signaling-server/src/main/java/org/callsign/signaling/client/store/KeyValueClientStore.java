package org.callsign.signaling.client.store;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Clients in a {@link KeyValueStore}, namespace {@value #NAMESPACE}, one JSON record per client id. Checks and writes
 * are conditional writes of the store, so they stay atomic when several processes share it.
 */
@Singleton
public class KeyValueClientStore implements ClientStore {

    /** The store namespace of clients. */
    public static final String NAMESPACE = "clients";

    private final JsonNamespace<Client> clients;

    public KeyValueClientStore(KeyValueStore store) {
        this.clients = new JsonNamespace<>(store, NAMESPACE, Client.class);
    }

    @Override
    public Optional<Client> find(String clientId) {
        return clients.get(clientId);
    }

    @Override
    public List<Client> list() {
        return List.copyOf(clients.entries().values());
    }

    @Override
    public boolean isEmpty() {
        return clients.entries().isEmpty();
    }

    @Override
    public boolean create(Client client) {
        return clients.putIfAbsent(client.clientId(), client);
    }

    @Override
    public boolean replace(Client client) {
        return clients.compute(client.clientId(), current -> current.map(old -> client))
                .isPresent();
    }

    @Override
    public boolean delete(String clientId) {
        return clients.remove(clientId);
    }
}
