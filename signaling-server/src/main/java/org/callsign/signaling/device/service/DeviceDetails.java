package org.callsign.signaling.device.service;

import java.util.regex.Pattern;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.fingerprint.service.DeviceFingerprint;

/**
 * The details of a device that its client sets, checked: a name for people (1 to {@value #MAX_NAME} characters
 * without control characters, surrounding space removed), a kind (a lower-case token such as {@code browser},
 * {@code phone} or {@code webexec}), and the certificate fingerprint (see {@link DeviceFingerprint}).
 *
 * @param name the name
 * @param kind the kind
 * @param fingerprint the fingerprint
 */
public record DeviceDetails(String name, String kind, DeviceFingerprint fingerprint) {

    /** The longest name, in characters (code points). */
    public static final int MAX_NAME = 64;

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** Checks raw request values; {@code invalid-request} naming the field and rule. */
    public static DeviceDetails validate(String name, String kind, String fingerprint) {
        return new DeviceDetails(name(name), kind(kind), fingerprint(fingerprint));
    }

    private static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            throw invalid("name is required");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            throw invalid("name is longer than " + MAX_NAME + " characters");
        }
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw invalid("name must not contain control characters");
        }
        return name;
    }

    private static String kind(String kind) {
        if (kind == null || kind.isEmpty()) {
            throw invalid("kind is required");
        }
        if (!KIND.matcher(kind).matches()) {
            throw invalid("kind must be 1 to 32 characters of a-z, 0-9 and '-', starting with a letter");
        }
        return kind;
    }

    private static DeviceFingerprint fingerprint(String fingerprint) {
        try {
            return DeviceFingerprint.parse(fingerprint);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }
}
