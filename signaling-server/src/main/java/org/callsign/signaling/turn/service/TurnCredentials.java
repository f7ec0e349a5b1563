package org.callsign.signaling.turn.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-limited TURN credentials in the scheme that coturn ({@code use-auth-secret}) and other TURN servers accept,
 * from the "REST API for access to TURN services" draft (draft-uberti-behave-turn-rest-00 §2.2): the username is
 * {@code <expiry in Unix seconds>:<user>} and the password is the base64 HMAC-SHA1 of that username under a secret
 * the signaling server shares with the TURN server. The TURN server recomputes the password and refuses a username
 * whose time has passed, so nothing is stored and a leaked credential dies on its own.
 */
public final class TurnCredentials {
    /** Shortest shared secret accepted: HMAC-SHA1's block is 64 bytes, but 32 random characters resist guessing. */
    public static final int MIN_SECRET_LENGTH = 32;

    private final byte[] secret;

    public TurnCredentials(String sharedSecret) {
        if (sharedSecret == null || sharedSecret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(
                    "the TURN shared secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.secret = sharedSecret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Credentials for {@code user} valid until {@code now + ttl}, for the TURN server at {@code urls}.
     *
     * @param user an opaque id of the device or client (no {@code :}, which separates the expiry)
     */
    public IceServer issue(String user, Instant now, Duration ttl, List<String> urls) {
        if (user == null || user.isEmpty() || user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a TURN user id must be non-empty and contain no ':'");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a TURN credential lifetime must be positive");
        }
        String username = now.plus(ttl).getEpochSecond() + ":" + user;
        return new IceServer(urls, username, password(username));
    }

    /** The password the TURN server expects for {@code username}: base64(HMAC-SHA1(secret, username)). */
    public String password(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is unavailable", e);
        }
    }
}
