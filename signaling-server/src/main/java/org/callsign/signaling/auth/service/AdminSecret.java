package org.callsign.signaling.auth.service;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.api.ClientAddress;
import org.callsign.signaling.config.SignalingConfig;

/**
 * The admin secret ({@code callsign.signaling.registration.admin-secret}), sent as {@value #HEADER} to register
 * clients while registration is closed (rtcd's admin secret key). Kept only as its SHA-256 and compared in constant
 * time; a configured secret shorter than {@value #MIN_LENGTH} characters stops the server at startup.
 */
@Singleton
public class AdminSecret {

    /** The request header that carries the secret. */
    public static final String HEADER = "X-Callsign-Admin-Secret";

    /** The shortest secret accepted. */
    public static final int MIN_LENGTH = 32;

    private final Optional<byte[]> digest;
    private final CredentialThrottle throttle;

    public AdminSecret(SignalingConfig config, CredentialThrottle throttle) {
        this.throttle = throttle;
        Optional<String> secret = config.registration().adminSecret();
        if (secret.isPresent() && secret.get().length() < MIN_LENGTH) {
            throw new IllegalStateException(
                    "callsign.signaling.registration.admin-secret must have at least " + MIN_LENGTH + " characters");
        }
        this.digest = secret.map(AdminSecret::sha256);
    }

    /** Whether an admin secret is configured. */
    public boolean configured() {
        return digest.isPresent();
    }

    /**
     * Checks a presented secret under the credential limits; {@code invalid-credentials} if it is wrong or none is
     * configured.
     */
    public void require(String presented, ClientAddress address) {
        if (!throttle.checkSecret(address, () -> matches(presented))) {
            throw new ApiException(ApiError.INVALID_CREDENTIALS, "wrong admin secret");
        }
    }

    /** Whether {@code presented} is the admin secret, in time independent of where they differ. */
    public boolean matches(String presented) {
        return digest.isPresent() && presented != null && MessageDigest.isEqual(digest.get(), sha256(presented));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
