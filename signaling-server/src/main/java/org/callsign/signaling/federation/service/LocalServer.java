package org.callsign.signaling.federation.service;

import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.federation.signature.Origins;

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

    /** {@code scheme://host[:port]} of an http(s) URL, lower-case, without the default port (RFC 6454 §6.2). */
    public static String originOf(String url) {
        return Origins.of(URI.create(url));
    }
}
