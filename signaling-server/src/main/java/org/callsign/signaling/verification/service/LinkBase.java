package org.callsign.signaling.verification.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import org.callsign.signaling.federation.service.LocalServer;

/**
 * Where verification links point: {@code callsign.signaling.public-url} when it is set, else the scheme, host and port
 * of the request that made the link (as the server saw it: behind a reverse proxy, enable Quarkus' forwarded-header
 * support or set the public URL). An {@code http} or {@code https} URL with a host, optionally a path, and nothing
 * else.
 */
public final class LinkBase {

    private static final String KEY = "callsign.signaling.public-url";

    private final Optional<String> configured;

    /** The configured public URL, checked; {@link IllegalStateException} naming the key if it is not acceptable. */
    public LinkBase(Optional<String> publicUrl) {
        this.configured = publicUrl.map(LinkBase::check);
    }

    /** The base of a link made in a request to {@code requestBase}, without a trailing slash. */
    public String of(URI requestBase) {
        return configured.orElseGet(() -> origin(requestBase));
    }

    /** The origin ({@code scheme://host[:port]}) of the link base for a request to {@code requestBase}. */
    public String originFor(URI requestBase) {
        return origin(URI.create(of(requestBase)));
    }

    private static String check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(KEY + " is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalStateException(KEY + " must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw new IllegalStateException(KEY + " must be scheme://host[:port][/path]");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException(KEY + " must not have a query or fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return origin(uri) + path;
    }

    private static String origin(URI uri) {
        return LocalServer.originOf(uri.toString());
    }
}
