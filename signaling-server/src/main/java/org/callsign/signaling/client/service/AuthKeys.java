package org.callsign.signaling.client.service;

import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;

/**
 * Client keys (rtcd's {@code authKey}): {@value #MIN_LENGTH} to {@value #MAX_LENGTH} printable ASCII characters
 * without spaces. A key is a machine secret, not something typed, so it is compared byte for byte, never normalised.
 * At most {@value #MAX_LENGTH} because bcrypt ignores every byte after the 72nd: a longer key is refused rather than
 * silently truncated.
 */
public final class AuthKeys {

    /** The shortest key (the rule: at least 32 characters). */
    public static final int MIN_LENGTH = 32;

    /** The longest key: what bcrypt reads. */
    public static final int MAX_LENGTH = 72;

    private AuthKeys() {}

    /** The key, or {@code invalid-request} naming the rule it breaks (never quoting the key). */
    public static String validate(String field, String key) {
        if (key == null || key.isEmpty()) {
            throw new ApiException(ApiError.INVALID_REQUEST, field + " is required");
        }
        if (key.length() < MIN_LENGTH) {
            throw new ApiException(
                    ApiError.INVALID_REQUEST, field + " must have at least " + MIN_LENGTH + " characters");
        }
        if (key.length() > MAX_LENGTH) {
            throw new ApiException(
                    ApiError.INVALID_REQUEST,
                    field + " must have at most " + MAX_LENGTH + " characters (bcrypt ignores the rest)");
        }
        if (!printableAscii(key)) {
            throw new ApiException(
                    ApiError.INVALID_REQUEST, field + " must be printable ASCII characters without spaces");
        }
        return key;
    }

    /** Whether {@code key} could be a valid key (else it is checked against a dummy hash). */
    public static boolean plausible(String key) {
        return key != null && key.length() >= MIN_LENGTH && key.length() <= MAX_LENGTH && printableAscii(key);
    }

    private static boolean printableAscii(String key) {
        return key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
