package org.callsign.testbed;

import org.callsign.shim.sdp.SessionDescription;

/**
 * A person made by {@link TwoDomains#createUser}: an account at their domain's IdP (with a bearer token, their
 * signaling server published in WebFinger, consent for both signaling origins), a client of their domain's signaling
 * server (with a bearer token) and one verified device whose DTLS fingerprint is that of {@code sdp}.
 *
 * @param domain the domain of the IdP and signaling server
 * @param username the IdP account's name, also the signaling client id
 * @param identity {@code username@idp-x.test}
 * @param password the IdP password
 * @param idpToken an IdP bearer token, for the sandbox's realm of the IdP ({@code POST /api/assertions})
 * @param clientId the signaling client id
 * @param clientKey the signaling client key
 * @param signalingToken a signaling bearer token of the client
 * @param owner whether the client is an owner of its signaling server (the first of each server is)
 * @param deviceId the id of the registered device
 * @param sdp the device's session description (a fixture, without {@code a=identity})
 */
public record User(
        Domain domain,
        String username,
        String identity,
        String password,
        String idpToken,
        String clientId,
        String clientKey,
        String signalingToken,
        boolean owner,
        String deviceId,
        SessionDescription sdp) {

    /** {@code Authorization} for the IdP's API. */
    public String idpAuthorization() {
        return ApiClient.bearer(idpToken);
    }

    /** {@code Authorization} for the signaling server's API. */
    public String signalingAuthorization() {
        return ApiClient.bearer(signalingToken);
    }

    @Override
    public String toString() {
        return "User[" + identity + ", device " + deviceId + "]";
    }
}
