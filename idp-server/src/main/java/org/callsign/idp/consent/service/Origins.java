package org.callsign.idp.consent.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;

/**
 * Web origins (RFC 6454) of relying parties, in their ASCII serialisation: {@code scheme://host[:port]}, lower-case,
 * without the default port. A relying party runs in a secure context, so only {@code https} origins are accepted, and
 * {@code http} ones on loopback for development. Hosts must be ASCII (IDNs in punycode).
 */
public final class Origins {

    /** The longest origin accepted. */
    public static final int MAX_LENGTH = 512;

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private Origins() {}

    /** The serialised origin, or {@code invalid-request} saying what is wrong. */
    public static String parse(String input) {
        if (input == null || input.isEmpty()) {
            throw invalid("origin is required");
        }
        if (input.length() > MAX_LENGTH) {
            throw invalid("origin is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(input);
        } catch (URISyntaxException e) {
            throw invalid("origin is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null) {
            throw invalid("origin must be scheme://host[:port]");
        }
        if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw invalid("origin must not have a path, query or fragment");
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && LOOPBACK.contains(host))) {
            throw invalid("origin must be https (http only on loopback)");
        }
        return serialize(scheme, host, uri.getPort());
    }

    /** The serialised origin, or empty if {@code input} is not an acceptable origin. */
    public static Optional<String> tryParse(String input) {
        try {
            return Optional.of(parse(input));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    /** The origin of a URL (the issuer), without the relying-party rules. */
    public static String of(String url) {
        URI uri = URI.create(url);
        return serialize(
                uri.getScheme().toLowerCase(Locale.ROOT), uri.getHost().toLowerCase(Locale.ROOT), uri.getPort());
    }

    private static String serialize(String scheme, String host, int port) {
        boolean defaultPort =
                port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }
}
