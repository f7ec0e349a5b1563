package org.callsign.signaling.push.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.push.store.PushType;

/**
 * A push subscription as a device registers it (the W3C Push API's {@code PushSubscription.toJSON()} with a
 * {@code type}), checked: an https endpoint (RFC 8030 §5; plain http only to loopback, where allowed) of at most
 * {@link #MAX_ENDPOINT_LENGTH} characters, and the RFC 8291 §3.1 keys, {@code p256dh} a P-256 point and {@code auth}
 * 16 bytes, both base64url. Every refusal is {@code invalid-request} naming the field.
 *
 * @param type the kind of push service
 * @param endpoint the push resource
 * @param p256dh the user agent's public key, base64url without padding
 * @param auth the authentication secret, base64url without padding
 * @param expirationTime when the browser says the subscription ends, or {@code null}
 */
public record NewSubscription(PushType type, URI endpoint, String p256dh, String auth, Instant expirationTime) {

    /** The longest endpoint accepted. */
    public static final int MAX_ENDPOINT_LENGTH = 2048;

    /** The length of the authentication secret (RFC 8291 §3.2). */
    public static final int AUTH_BYTES = 16;

    /**
     * Checks a registration.
     *
     * @param allowLoopback whether plain http to a loopback host ({@code localhost}, {@code 127.x.x.x}, {@code ::1})
     *     is accepted ({@code net.allow-loopback}, for tests)
     * @param now the time, to refuse an {@code expirationTime} that has passed
     */
    public static NewSubscription validate(
            String type,
            String endpoint,
            String p256dh,
            String auth,
            Long expirationTime,
            boolean allowLoopback,
            Instant now) {
        PushType pushType =
                PushType.of(required("type", type)).orElseThrow(() -> invalid("type must be webpush or unifiedpush"));
        URI uri = endpoint(required("endpoint", endpoint), allowLoopback);
        byte[] point = base64url("keys.p256dh", p256dh);
        String problem = P256Points.problem(point);
        if (problem != null) {
            throw invalid("keys.p256dh " + problem);
        }
        byte[] secret = base64url("keys.auth", auth);
        if (secret.length != AUTH_BYTES) {
            throw invalid("keys.auth is " + secret.length + " bytes, not " + AUTH_BYTES);
        }
        Instant expires = expirationTime == null ? null : Instant.ofEpochMilli(expirationTime);
        if (expires != null && !expires.isAfter(now)) {
            throw invalid("expirationTime has passed");
        }
        return new NewSubscription(pushType, uri, encode(point), encode(secret), expires);
    }

    private static URI endpoint(String endpoint, boolean allowLoopback) {
        if (endpoint.length() > MAX_ENDPOINT_LENGTH) {
            throw invalid("endpoint is longer than " + MAX_ENDPOINT_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw invalid("endpoint is not a URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw invalid("endpoint is not an absolute URI with a host");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("endpoint must not carry user information or a fragment");
        }
        if (scheme.equals("https")) {
            return uri;
        }
        if (scheme.equals("http") && allowLoopback && isLoopback(uri.getHost())) {
            return uri;
        }
        throw invalid(allowLoopback ? "endpoint must be https (or http to a loopback host)" : "endpoint must be https");
    }

    /** {@code localhost}, or a loopback literal: no name is looked up. */
    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        return bare.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")
                || bare.equals("::1")
                || bare.equals("0:0:0:0:0:0:0:1");
    }

    private static byte[] base64url(String field, String value) {
        String text = required(field, value);
        if (!text.matches("[A-Za-z0-9_-]+={0,2}")) {
            throw invalid(field + " is not base64url");
        }
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field + " is not base64url");
        }
    }

    private static String required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw invalid(field + " is required");
        }
        return value;
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }
}
