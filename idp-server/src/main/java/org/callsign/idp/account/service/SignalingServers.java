package org.callsign.idp.account.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;

/**
 * The signaling server a user names in their profile, published as a WebFinger link (RFC 7033 §4.4.4): an absolute
 * {@code https} URL (plain {@code http} only on loopback, for development) without user info, query or fragment. It
 * is where the signaling server's description ({@code /.well-known/callsign}) is found.
 */
public final class SignalingServers {

    /** The longest URL accepted. */
    public static final int MAX_LENGTH = 2048;

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private SignalingServers() {}

    /** The URL, or {@code invalid-request} saying what is wrong with it. */
    public static String validate(String url) {
        if (url.length() > MAX_LENGTH) {
            throw invalid("signalingServer is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("signalingServer is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null) {
            throw invalid("signalingServer must be an absolute URL with a host and no user info");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("signalingServer must not have a query or fragment");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            throw invalid("signalingServer must be https (http only on loopback)");
        }
        return url;
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }
}
