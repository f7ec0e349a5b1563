package org.callsign.signaling.turn.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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

    /** Bytes of HMAC kept in a {@link #pseudonym} (128 bits: 22 base64url characters). */
    public static final int PSEUDONYM_BYTES = 16;

    /** What the HMAC of a {@link #pseudonym} covers before the id, so that it never equals another use's HMAC. */
    public static final String PSEUDONYM_LABEL = "callsign-turn-user:";

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
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", username));
    }

    /**
     * An opaque TURN user id for {@code id} (a client id): the first {@value #PSEUDONYM_BYTES} bytes of
     * HMAC-SHA256(secret, {@value #PSEUDONYM_LABEL} + id) in base64url. The same for an id while the secret stays, so
     * the TURN server's logs and quotas can tell users apart, but only someone holding the secret can tell whose it
     * is; the id itself never reaches the TURN server or the network.
     */
    public String pseudonym(String id) {
        byte[] digest = hmac("HmacSHA256", PSEUDONYM_LABEL + id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, PSEUDONYM_BYTES));
    }

    private byte[] hmac(String algorithm, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is unavailable", e);
        }
    }
}
