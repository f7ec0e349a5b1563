package org.callsign.signaling.client.store;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.callsign.server.store.JsonNamespace;
import org.callsign.server.store.KeyValueStore;

/**
 * Clients in a {@link KeyValueStore}, namespace {@value #NAMESPACE}, one JSON record per client id. Checks and writes
 * happen under one lock: atomic within this process, which owns the embedded store file.
 */
@Singleton
public class KeyValueClientStore implements ClientStore {

    /** The store namespace of clients. */
    public static final String NAMESPACE = "clients";

    private final JsonNamespace<Client> clients;
    private final Object lock = new Object();

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
        synchronized (lock) {
            if (clients.get(client.clientId()).isPresent()) {
                return false;
            }
            clients.put(client.clientId(), client);
            return true;
        }
    }

    @Override
    public boolean replace(Client client) {
        synchronized (lock) {
            if (clients.get(client.clientId()).isEmpty()) {
                return false;
            }
            clients.put(client.clientId(), client);
            return true;
        }
    }

    @Override
    public boolean delete(String clientId) {
        synchronized (lock) {
            return clients.remove(clientId);
        }
    }
}
