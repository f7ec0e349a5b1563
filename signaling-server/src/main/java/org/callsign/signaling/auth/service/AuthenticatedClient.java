package org.callsign.signaling.auth.service;

import java.time.Instant;
import org.callsign.signaling.client.store.Client;

/**
 * The client a request is authenticated as.
 *
 * @param client the client, as stored now
 * @param method how it authenticated
 * @param tokenKey the bearer token's store key (a hash, not the secret), for revoking it; {@code null} for Basic
 * @param tokenExpires when the bearer token expires; {@code null} for Basic
 */
public record AuthenticatedClient(Client client, Method method, String tokenKey, Instant tokenExpires) {

    /** How a request authenticated, with its wire value. */
    public enum Method {
        BASIC("basic"),
        BEARER("bearer");

        private final String value;

        Method(String value) {
            this.value = value;
        }

        /** The wire value. */
        public String value() {
            return value;
        }
    }

    /** The client's id. */
    public String clientId() {
        return client.clientId();
    }
}
