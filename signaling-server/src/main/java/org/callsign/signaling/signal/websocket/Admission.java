package org.callsign.signaling.signal.websocket;

/**
 * A WebSocket upgrade the server let through: who connects, as which device, with what.
 *
 * @param clientId the client its bearer token authenticated
 * @param tokenKey the token's store key (a hash, never the secret), so that revoking the token closes the connection
 * @param deviceId the connecting device, one of the client's
 * @param resumeToken the resume token it presented, or {@code null}
 */
record Admission(String clientId, String tokenKey, String deviceId, String resumeToken) {

    /** Names the client and device, never a token. */
    @Override
    public String toString() {
        return "Admission[" + clientId + "/" + deviceId + "]";
    }
}
