package org.callsign.signaling.connect.service;

import jakarta.inject.Singleton;
import java.util.List;
import org.callsign.server.api.ApiException;
import org.callsign.shim.sdp.SdpException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.auth.service.CurrentClient;
import org.callsign.signaling.client.store.Client;
import org.callsign.signaling.client.store.ClientStore;
import org.callsign.signaling.fingerprint.service.AuthorizedFingerprints;
import org.callsign.signaling.fingerprint.service.DeviceFingerprint;
import org.callsign.signaling.fingerprint.service.FingerprintCheck;
import org.callsign.signaling.fingerprint.service.SdpFingerprints;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * Who may signal over one-shot HTTP, and whose devices it reaches:
 *
 * <ul>
 *   <li>with client credentials (Bearer, WHIP's scheme, or Basic): that client's own devices;
 *   <li>without: an offer whose fingerprints are all in the authorised fingerprints file (webexec's rule), which the
 *       owners keep, reaches the owners' devices.
 * </ul>
 *
 * Either way the offer must carry exactly one fingerprint, the caller's certificate, which the relay stamps on the
 * offer and the device checks in the DTLS handshake. Unlike webexec, loopback callers get no exemption: on a shared
 * machine every local user could otherwise connect.
 */
@Singleton
public class CallerAdmission {

    private final AuthorizedFingerprints authorized;
    private final ClientStore clients;

    public CallerAdmission(AuthorizedFingerprints authorized, ClientStore clients) {
        this.authorized = authorized;
        this.clients = clients;
    }

    /**
     * Admits the caller of {@code sdp}.
     *
     * @param claimed the fingerprint the request names ({@code /connect}'s {@code fingerprint}), or {@code null}; when
     *     given it must be the offer's
     * @throws SignalingException {@code malformed-sdp}, {@code fingerprint-mismatch}
     * @throws ApiException {@code invalid-request} for a malformed claim, {@code not-authenticated} for an unlisted
     *     fingerprint without credentials, the credential errors for bad credentials
     */
    public HttpCaller admit(String sdp, String claimed, CurrentClient current) {
        DeviceFingerprint fingerprint = onlyFingerprint(sdp);
        if (claimed != null) {
            DeviceFingerprint named;
            try {
                named = DeviceFingerprint.parse(claimed);
            } catch (IllegalArgumentException e) {
                throw new ApiException(ApiError.INVALID_REQUEST, "fingerprint: " + e.getMessage());
            }
            if (!named.equals(fingerprint)) {
                throw new SignalingException(
                        SignalError.FINGERPRINT_MISMATCH,
                        "the fingerprint field " + named + " is not the offer's a=fingerprint " + fingerprint);
            }
        }
        if (current.presentsCredentials()) {
            String clientId = current.require().clientId();
            return new HttpCaller(List.of(clientId), fingerprint.hex(), clientId);
        }
        FingerprintCheck check = authorized.check(sdp);
        if (!check.authorized()) {
            throw new ApiException(
                    ApiError.NOT_AUTHENTICATED,
                    "fingerprint " + fingerprint + " is not authorised: authenticate with a bearer token (or Basic),"
                            + " or have an owner authorise it");
        }
        List<String> owners = clients.list().stream()
                .filter(Client::owner)
                .map(Client::clientId)
                .toList();
        return new HttpCaller(owners, fingerprint.hex(), null);
    }

    /** The offer's one fingerprint; {@code malformed-sdp} without, {@code fingerprint-mismatch} with several. */
    private static DeviceFingerprint onlyFingerprint(String sdp) {
        List<DeviceFingerprint> fingerprints;
        try {
            fingerprints = SdpFingerprints.of(sdp);
        } catch (SdpException e) {
            throw new SignalingException(SignalError.MALFORMED_SDP, "offer rejected: " + e.getMessage());
        }
        if (fingerprints.isEmpty()) {
            throw new SignalingException(SignalError.MALFORMED_SDP, "offer rejected: it has no a=fingerprint");
        }
        if (fingerprints.size() > 1) {
            throw new SignalingException(
                    SignalError.FINGERPRINT_MISMATCH,
                    "the offer carries " + fingerprints.size()
                            + " different fingerprints; a caller has one certificate");
        }
        return fingerprints.get(0);
    }
}
