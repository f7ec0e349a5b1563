package org.callsign.server.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Opaque bearer secrets (session cookies, bearer tokens): {@value #SECRET_BYTES} random bytes in base64url, of which
 * the server stores only the SHA-256 ({@link #storeKey}), so that the store never holds a usable credential. A
 * secret has 256 bits of entropy, so a fast hash is enough: guessing one is hopeless, and no salt is needed.
 */
public final class OpaqueTokens {

    /** Random bytes per secret (256 bits). */
    public static final int SECRET_BYTES = 32;

    /** A secret: base64url without padding of {@value #SECRET_BYTES} bytes. */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private OpaqueTokens() {}

    /** A new secret. */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code secret} has the shape of a secret (checked before any lookup). */
    public static boolean isWellFormed(String secret) {
        return secret != null && SECRET.matcher(secret).matches();
    }

    /** The store key of a secret: its SHA-256 in base64url without padding. */
    public static String storeKey(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
