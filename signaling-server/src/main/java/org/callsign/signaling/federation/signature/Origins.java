package org.callsign.signaling.federation.signature;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Origins as federation requests name them (RFC 6454 §6.2 serialisation): {@code scheme://host[:port]}, scheme and
 * host in lower case, the scheme's default port left out, nothing else. The sender's {@code iss}, the
 * {@code aud} and the origin part of {@code htu} are all written this way, so they compare as strings.
 */
public final class Origins {

    private static final int DEFAULT_HTTPS_PORT = 443;
    private static final int DEFAULT_HTTP_PORT = 80;
    private static final int MAX_PORT = 65_535;

    private Origins() {}

    /** The origin of {@code uri}, an absolute {@code http} or {@code https} URI with a host. */
    public static String of(URI uri) {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an absolute http(s) URI with a host: " + uri);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1
                || ("https".equals(scheme) && port == DEFAULT_HTTPS_PORT)
                || ("http".equals(scheme) && port == DEFAULT_HTTP_PORT);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** {@code uri} without query and fragment: its origin and path ({@code /} for none), as {@code htu} has it. */
    static String withoutQuery(URI uri) {
        return of(uri) + path(uri);
    }

    /** The raw (still percent-encoded) path of {@code uri}, {@code /} for none. */
    static String path(URI uri) {
        return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    }

    /**
     * Whether {@code value} is an origin written as {@link #of(URI)} writes it, with scheme {@code https}, or also
     * {@code http} when {@code allowHttp}: no user info, path, query or fragment.
     */
    static boolean isOrigin(String value, boolean allowHttp) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return false;
        }
        if (!"https".equals(uri.getScheme()) && !(allowHttp && "http".equals(uri.getScheme()))) {
            return false;
        }
        if (uri.getHost() == null
                || (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > MAX_PORT))
                || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return false;
        }
        return of(uri).equals(value);
    }

    /** {@code value} if it is an origin ({@link #isOrigin(String, boolean)}), for the owner's own configuration. */
    static String require(String value, boolean allowHttp, String what) {
        if (value == null || !isOrigin(value, allowHttp)) {
            throw new IllegalArgumentException(
                    what + " " + value + " is not an origin (" + (allowHttp ? "http or " : "")
                            + "https, host, port unless the default; lower case; nothing else)");
        }
        return value;
    }

    static Optional<String> parse(String value, boolean allowHttp) {
        return value != null && isOrigin(value, allowHttp) ? Optional.of(value) : Optional.empty();
    }
}
