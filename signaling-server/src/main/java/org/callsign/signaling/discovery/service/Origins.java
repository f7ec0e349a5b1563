package org.callsign.signaling.discovery.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.callsign.signaling.federation.service.LocalServer;

/** Origins of other servers as they are published: {@code https://host[:port]}, nothing more. */
public final class Origins {

    private Origins() {}

    /**
     * The origin a published URL names, serialised ({@code HTTPS://Sig.example:443/} becomes {@code https://sig.example});
     * {@link IllegalArgumentException} for another scheme than {@code https}, user info, a path other than {@code /}, a
     * query or a fragment.
     */
    public static String parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not a URL");
        }
        if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
            throw new IllegalArgumentException("not an https URL");
        }
        String path = uri.getRawPath();
        if (uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || !(path == null || path.isEmpty() || path.equals("/"))) {
            throw new IllegalArgumentException("not an origin (https://host[:port])");
        }
        return LocalServer.originOf(url);
    }

    /** Whether {@code url} is on {@code origin}. */
    public static boolean isOn(String url, String origin) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null
                    && uri.getHost() != null
                    && uri.getRawUserInfo() == null
                    && LocalServer.originOf(url).equals(origin);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }
}
