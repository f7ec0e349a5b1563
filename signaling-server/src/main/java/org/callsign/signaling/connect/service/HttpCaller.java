package org.callsign.signaling.connect.service;

import java.util.List;

/**
 * The caller of a {@code /connect} or WHIP exchange, once admitted.
 *
 * @param clientIds the clients whose devices it may reach: its own with credentials, the owners' with an authorised
 *     fingerprint
 * @param fingerprint the one fingerprint of its offer, upper-case hex without colons; its DTLS certificate must have it
 * @param credentialsOf the client whose credentials it presented, or {@code null} if admitted by its fingerprint
 */
public record HttpCaller(List<String> clientIds, String fingerprint, String credentialsOf) {

    public HttpCaller {
        clientIds = List.copyOf(clientIds);
    }

    /** Whether it was admitted by credentials rather than by an authorised fingerprint. */
    public boolean byCredentials() {
        return credentialsOf != null;
    }
}
