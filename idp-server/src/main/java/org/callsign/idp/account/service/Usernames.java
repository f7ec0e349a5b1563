package org.callsign.idp.account.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;

/**
 * Normalises and validates usernames, the user part of {@code user@domain} (RFC 8827 §8.1, RFC 7565 {@code acct:}).
 *
 * <p>Policy: the input is normalised with Unicode NFKC (so that compatibility forms such as full-width letters and the
 * Kelvin sign become their ASCII letters), then lower-cased; the result must be 1 to {@value #MAX_LENGTH} characters
 * of {@code a-z 0-9 . _ -}, starting with a letter or digit. ASCII only, so that two names that look alike are the
 * same name (no homographs), and the identity is the same string in every protocol that carries it. {@code @},
 * whitespace and control characters get their own messages, since they are the likely mistakes.
 */
public final class Usernames {

    /** The longest username. */
    public static final int MAX_LENGTH = 64;

    /** Longer inputs are refused before normalisation (NFKC can expand a string). */
    public static final int MAX_INPUT_LENGTH = 256;

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private Usernames() {}

    /** The normalised username, or {@code invalid-request} saying what is wrong with {@code input}. */
    public static String normalize(String input) {
        if (input == null || input.isEmpty()) {
            throw invalid("username is required");
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw invalid("username is longer than " + MAX_LENGTH + " characters");
        }
        String name = Normalizer.normalize(input, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (name.indexOf('@') >= 0) {
            throw invalid("username must not contain '@': it is the user part of user@domain");
        }
        if (name.codePoints().anyMatch(Usernames::isSpaceOrControl)) {
            throw invalid("username must not contain whitespace or control characters");
        }
        if (name.length() > MAX_LENGTH) {
            throw invalid("username is longer than " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(name).matches()) {
            throw invalid(
                    "username may contain only a-z, 0-9, '.', '_' and '-', and must start with a letter or digit");
        }
        return name;
    }

    private static boolean isSpaceOrControl(int codePoint) {
        return Character.isWhitespace(codePoint)
                || Character.isSpaceChar(codePoint)
                || Character.isISOControl(codePoint)
                || Character.getType(codePoint) == Character.FORMAT;
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }
}
