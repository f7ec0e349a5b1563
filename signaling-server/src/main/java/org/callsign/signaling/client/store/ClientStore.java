package org.callsign.signaling.client.store;

import java.util.List;
import java.util.Optional;

/**
 * Where clients are kept. Every write is durable when it returns; {@link #create} checks and writes atomically, so two
 * registrations of one id cannot both succeed. The embedded implementation is {@link KeyValueClientStore}; others (a
 * Redis one) pass the same contract tests ({@code ClientStoreContract}).
 */
public interface ClientStore {

    /** The client of an id. */
    Optional<Client> find(String clientId);

    /** Every client, ordered by id. */
    List<Client> list();

    /** Whether no client is registered. */
    boolean isEmpty();

    /** Stores a new client; false (and nothing stored) if the id is taken. */
    boolean create(Client client);

    /** Replaces the stored client of the same id; false (and nothing stored) if there is none. */
    boolean replace(Client client);

    /** Removes a client; false if there was none. */
    boolean delete(String clientId);
}
