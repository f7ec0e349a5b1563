package org.callsign.signaling.federation.signature;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * The profile of the JWS (RFC 7515, compact serialisation) that signs a federation request: its header name, type,
 * limits and claim names (docs/federation.md, "Signed federation requests"). It covers what an HTTP Message Signature
 * (RFC 9421) would — method, target URI, time and a digest of the body — in JOSE form.
 */
public final class FederationJws {

    /** The HTTP header that carries the JWS. */
    public static final String HEADER = "Callsign-Signature";

    /** The {@code typ} of the protected header (RFC 7515 §4.1.9), compared exactly. */
    public static final String TYPE = "callsign-federation+jwt";

    /** The longest header value looked at, in characters (a compact JWS is ASCII): 4 KiB. */
    public static final int MAX_HEADER_LENGTH = 4096;

    /** The longest {@code exp − iat} accepted, and the one {@link RequestSigner} uses. */
    public static final Duration MAX_LIFETIME = Duration.ofSeconds(60);

    /** How far ahead of this server's clock {@code iat} may be. */
    public static final Duration MAX_CLOCK_AHEAD = Duration.ofSeconds(30);

    /** Random bytes in a {@code jti}: 128 bits. */
    public static final int JTI_BYTES = 16;

    static final String ISS = "iss";
    static final String AUD = "aud";
    static final String HTM = "htm";
    static final String HTU = "htu";
    static final String IAT = "iat";
    static final String EXP = "exp";
    static final String JTI = "jti";
    static final String DIGEST = "digest";

    private FederationJws() {}

    /** base64url, without padding, of SHA-256 over {@code body}: the {@code digest} claim. */
    static String digest(byte[] body) {
        try {
            return base64url(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
