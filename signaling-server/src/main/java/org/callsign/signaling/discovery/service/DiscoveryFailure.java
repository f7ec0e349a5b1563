package org.callsign.signaling.discovery.service;

/** Why the signaling server of an identity could not be found (docs/federation.md, "Discovery"). */
public enum DiscoveryFailure {
    /** The identity's domain knows no such user, and publishes no SRV record either. */
    NO_SUCH_USER("no-such-user"),
    /** The user exists but no signaling server is published for them. */
    NO_SIGNALING_SERVER("no-signaling-server"),
    /** The domain or the server could not be reached: DNS, connection, TLS, timeout, HTTP error. */
    SERVER_UNREACHABLE("server-unreachable"),
    /** A document broke its rules: size, media type, JSON, {@code server} not the origin. */
    BAD_DOCUMENT("bad-document");

    private final String code;

    DiscoveryFailure(String code) {
        this.code = code;
    }

    /** The wire value. */
    public String code() {
        return code;
    }
}
