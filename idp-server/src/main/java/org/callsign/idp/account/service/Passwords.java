package org.callsign.idp.account.service;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;

/**
 * The password policy (NIST SP 800-63B §5.1.1.2): at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_BYTES} UTF-8 bytes after NFKC normalisation (bcrypt reads no further: longer passwords would be
 * silently truncated), no control characters; spaces and any other Unicode are allowed. Passwords are normalised
 * with NFKC before hashing and before every check, so that the same password typed on different keyboards matches.
 */
public final class Passwords {

    /** The shortest password, in code points. */
    public static final int MIN_LENGTH = 8;

    /** The longest password, in UTF-8 bytes: bcrypt's input limit. */
    public static final int MAX_BYTES = 72;

    private Passwords() {}

    /** The normalised password, or {@code invalid-request} naming the {@code field} and the rule it breaks. */
    public static String validate(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw invalid(field + " is required");
        }
        if (password.length() > 4 * MAX_BYTES) {
            throw invalid(field + " is longer than " + MAX_BYTES + " bytes");
        }
        String normalized = normalize(password);
        if (normalized.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid(field + " must not contain control characters");
        }
        if (normalized.codePointCount(0, normalized.length()) < MIN_LENGTH) {
            throw invalid(field + " is shorter than " + MIN_LENGTH + " characters");
        }
        if (normalized.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw invalid(field + " is longer than " + MAX_BYTES + " bytes (UTF-8)");
        }
        return normalized;
    }

    /** NFKC, as applied before hashing and checking. */
    public static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Whether a password offered at login could be a stored one (so worth a real check). */
    public static boolean plausible(String password) {
        if (password == null || password.isEmpty() || password.length() > 4 * MAX_BYTES) {
            return false;
        }
        return normalize(password).getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }
}
