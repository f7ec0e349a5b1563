package org.callsign.signaling.client.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.callsign.signaling.client.store.Client;

/**
 * A client as the API shows it (never its key or hash).
 *
 * @param clientId the id, on the wire {@code clientID} as rtcd names it
 * @param owner whether it owns the server
 * @param created when it was registered
 */
public record ClientView(@JsonProperty("clientID") String clientId, boolean owner, Instant created) {

    /** The view of a client. */
    public static ClientView of(Client client) {
        return new ClientView(client.clientId(), client.owner(), client.created());
    }
}
