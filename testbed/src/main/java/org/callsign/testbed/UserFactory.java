package org.callsign.testbed;

import java.util.Map;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;

/**
 * Makes a {@link User} through the services' public APIs, as a person would set themselves up:
 *
 * <ol>
 *   <li>the IdP: {@code POST /api/accounts}, a bearer token ({@code POST /api/tokens}), the signaling server in the
 *       profile ({@code PUT /api/account/profile}, published by WebFinger as {@code urn:callsign:rel:signaling-server}),
 *       and consent ({@code POST /api/consents}) for both signaling origins, since an assertion is for the origin of
 *       the server that checks it first (docs/federation.md);
 *   <li>the signaling server: a client ({@code POST /api/clients}; the first of a server registers from loopback
 *       without credentials and becomes its owner, later ones with the admin secret), a bearer token
 *       ({@code POST /api/tokens}, Basic) and one verified device with the SDP's first fingerprint
 *       ({@code POST /api/devices}).
 * </ol>
 */
final class UserFactory {
    private static final String ADMIN_SECRET_HEADER = "X-Callsign-Admin-Secret";

    private final ApiClient idp;
    private final ApiClient signaling;
    private final String adminSecret;

    UserFactory(ApiClient idp, ApiClient signaling, String adminSecret) {
        this.idp = idp;
        this.signaling = signaling;
        this.adminSecret = adminSecret;
    }

    User create(Domain domain, String username, SessionDescription sdp, boolean firstOfServer) {
        String password = TwoDomains.random(18);
        String identity = idp.post("/api/accounts", null, Map.of("username", username, "password", password))
                .expect(201)
                .json()
                .path("identity")
                .asText();
        String idpToken = idp.post("/api/tokens", null, Map.of("username", username, "password", password))
                .expect(200)
                .json()
                .path("access_token")
                .asText();
        String idpAuth = ApiClient.bearer(idpToken);
        idp.put("/api/account/profile", idpAuth, Map.of("signalingServer", domain.signalingOrigin()))
                .expect(200);
        for (Domain relying : Domain.values()) {
            idp.post("/api/consents", idpAuth, Map.of("origin", relying.signalingOrigin()))
                    .expect(200);
        }

        String clientKey = TwoDomains.random(32);
        Map<String, String> register = Map.of("clientID", username, "authKey", clientKey);
        ApiClient.Response client = firstOfServer
                ? signaling.post("/api/clients", null, register)
                : signaling.send("POST", "/api/clients", null, register, Map.of(ADMIN_SECRET_HEADER, adminSecret));
        boolean owner = client.expect(201).json().path("owner").asBoolean();
        String signalingToken = signaling
                .post("/api/tokens", ApiClient.basic(username, clientKey), null)
                .expect(200)
                .json()
                .path("access_token")
                .asText();
        String deviceId = registerDevice(signaling, signalingToken, username + "'s device", sdp);
        return new User(
                domain,
                username,
                identity,
                password,
                idpToken,
                username,
                clientKey,
                signalingToken,
                owner,
                deviceId,
                sdp);
    }

    /** Registers a verified browser device named {@code name} with the first fingerprint of {@code sdp}; its id. */
    static String registerDevice(ApiClient signaling, String signalingToken, String name, SessionDescription sdp) {
        return signaling
                .post(
                        "/api/devices",
                        ApiClient.bearer(signalingToken),
                        Map.of("name", name, "kind", "browser", "fingerprint", firstFingerprint(sdp), "verified", true))
                .expect(201)
                .json()
                .path("id")
                .asText();
    }

    private static String firstFingerprint(SessionDescription sdp) {
        try {
            return sdp.fingerprints().get(0).toAttributeValue();
        } catch (SdpException e) {
            throw new IllegalArgumentException("the device's SDP has no usable fingerprint", e);
        }
    }
}
