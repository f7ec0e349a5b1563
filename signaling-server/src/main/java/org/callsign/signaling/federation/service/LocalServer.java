package org.callsign.signaling.federation.service;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.callsign.signaling.config.SignalingConfig;

/**
 * This server as other servers see it: its origin ({@code callsign.signaling.public-url} without a path), which is
 * the {@code iss} of the federation requests it sends and the {@code aud} of those it accepts, and the URLs its
 * {@code /.well-known/callsign} document names. Federation needs a public URL; without one it is off.
 */
@Singleton
public class LocalServer {

    /** The path of the federation endpoints under the origin. */
    public static final String FEDERATION_PATH = "/federation/v1";

    private final Optional<String> origin;
    private final boolean federation;

    public LocalServer(SignalingConfig config) {
        this.origin = config.publicUrl().map(LocalServer::originOf);
        this.federation = config.federation().enabled() && origin.isPresent();
    }

    /** This server's origin, if a public URL is configured. */
    public Optional<String> origin() {
        return origin;
    }

    /** Whether this server sends and accepts federation requests. */
    public boolean federationEnabled() {
        return federation;
    }

    /** The origin; {@link IllegalStateException} when federation is off (callers check first). */
    public String requireOrigin() {
        return origin.filter(o -> federation)
                .orElseThrow(() -> new IllegalStateException("federation is off: set callsign.signaling.public-url"));
    }

    /** The federation endpoint: the base of every federation path. */
    public String federationEndpoint() {
        return requireOrigin() + FEDERATION_PATH;
    }

    /** The WebSocket URL devices of the server at {@code origin} connect to. */
    public static String websocketUrl(String origin) {
        return (origin.startsWith("https:") ? "wss:" : "ws:") + origin.substring(origin.indexOf(':') + 1) + "/ws";
    }

    /** {@code scheme://host[:port]} of a URL, lower-case, without the default port. */
    public static String originOf(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
