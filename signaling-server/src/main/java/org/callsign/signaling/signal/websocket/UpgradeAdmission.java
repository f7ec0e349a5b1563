package org.callsign.signaling.signal.websocket;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.auth.service.AuthenticatedClient;
import org.callsign.signaling.auth.service.Authenticator;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.signal.service.IdSyntax;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;

/**
 * Decides a WebSocket upgrade before it happens: the bearer token (RFC 6750), sent as {@code Authorization: Bearer}
 * or, since browsers cannot set headers, as the subprotocol {@code callsign.bearer.<token>} offered next to
 * {@code callsign.v1} (the one the server selects, so the token is never echoed); the device ({@code ?device=}); and
 * room for one more connection. Token checks count against the client IP's rate as on the API. A refusal is an
 * {@link ApiException} or {@link SignalingException}, answered with the API's JSON error body.
 */
@Singleton
class UpgradeAdmission {
    /** The subprotocol of this protocol version. */
    static final String PROTOCOL = "callsign.v1";

    /** Prefix of the subprotocol that carries a bearer token. */
    static final String BEARER_PROTOCOL = "callsign.bearer.";

    private final Authenticator authenticator;
    private final DeviceService devices;
    private final SignalConnections connections;

    UpgradeAdmission(Authenticator authenticator, DeviceService devices, SignalConnections connections) {
        this.authenticator = authenticator;
        this.devices = devices;
        this.connections = connections;
    }

    /**
     * Admits an upgrade request.
     *
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param protocols the values of the {@code Sec-WebSocket-Protocol} headers
     * @param deviceId the {@code device} query parameter, or {@code null}
     * @param resumeToken the {@code resume} query parameter, or {@code null}
     * @param address the client IP
     */
    Admission admit(
            String authorization, List<String> protocols, String deviceId, String resumeToken, ClientAddress address) {
        String token = token(authorization, offered(protocols));
        AuthenticatedClient client = authenticator.bearer(token, address);
        if (deviceId == null || deviceId.isEmpty()) {
            throw new ApiException(ApiError.INVALID_REQUEST, "device is missing: connect to /ws?device=<device id>");
        }
        if (!IdSyntax.DEVICE.test(deviceId)) {
            throw new ApiException(ApiError.INVALID_REQUEST, "device must be a device id");
        }
        if (devices.find(client.clientId(), deviceId).isEmpty()) {
            throw new ApiException(ApiError.NOT_FOUND, "no such device");
        }
        if (!connections.hasRoom(client.clientId())) {
            throw new SignalingException(SignalError.TOO_MANY_CONNECTIONS, "too many connections");
        }
        String resume = resumeToken == null || resumeToken.isEmpty() ? null : resumeToken;
        return new Admission(client.clientId(), client.tokenKey(), deviceId, resume);
    }

    private static String token(String authorization, List<String> offered) {
        List<String> tokens = offered.stream()
                .filter(protocol -> protocol.startsWith(BEARER_PROTOCOL))
                .map(protocol -> protocol.substring(BEARER_PROTOCOL.length()))
                .toList();
        if (tokens.size() > 1) {
            throw new ApiException(ApiError.INVALID_REQUEST, "offer one bearer token subprotocol, not several");
        }
        if (!tokens.isEmpty() && !offered.contains(PROTOCOL)) {
            throw new ApiException(
                    ApiError.INVALID_REQUEST, "offer the subprotocol " + PROTOCOL + " with the bearer token");
        }
        if (authorization != null) {
            if (!authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                throw new ApiException(
                        ApiError.NOT_AUTHENTICATED, "signaling takes a bearer token (POST /api/tokens) only");
            }
            if (!tokens.isEmpty()) {
                throw new ApiException(
                        ApiError.INVALID_REQUEST, "send the bearer token once: in Authorization or as a subprotocol");
            }
            return authorization.substring("bearer ".length()).strip();
        }
        if (tokens.isEmpty()) {
            throw new ApiException(
                    ApiError.NOT_AUTHENTICATED,
                    "authenticate with a bearer token: Authorization: Bearer, or the subprotocol " + BEARER_PROTOCOL
                            + "<token>");
        }
        return tokens.get(0);
    }

    /** The subprotocols offered, from every {@code Sec-WebSocket-Protocol} header (RFC 6455 §4.1). */
    private static List<String> offered(List<String> headers) {
        List<String> offered = new ArrayList<>();
        for (String header : headers) {
            for (String protocol : header.split(",")) {
                if (!protocol.isBlank()) {
                    offered.add(protocol.strip());
                }
            }
        }
        return offered;
    }
}
