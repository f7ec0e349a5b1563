package org.callsign.signaling.client.service;

import java.util.regex.Pattern;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;

/**
 * Client ids: chosen by the client (rtcd: "a random string which uniquely identifies the client"), 1 to
 * {@value #MAX_LENGTH} characters of {@code A-Z a-z 0-9 . _ -}, starting with a letter or digit, compared exactly
 * (case matters). No colon, so an id always fits the user-id of Basic credentials (RFC 7617 §2).
 */
public final class ClientIds {

    /** The longest id. */
    public static final int MAX_LENGTH = 64;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");

    private ClientIds() {}

    /** Whether {@code clientId} is a valid id. */
    public static boolean isValid(String clientId) {
        return clientId != null && ID.matcher(clientId).matches();
    }

    /** The id, or {@code invalid-request} naming the rule it breaks. */
    public static String validate(String clientId) {
        if (clientId == null || clientId.isEmpty()) {
            throw new ApiException(ApiError.INVALID_REQUEST, "clientID is required");
        }
        if (clientId.length() > MAX_LENGTH) {
            throw new ApiException(ApiError.INVALID_REQUEST, "clientID is longer than " + MAX_LENGTH + " characters");
        }
        if (!isValid(clientId)) {
            throw new ApiException(
                    ApiError.INVALID_REQUEST,
                    "clientID must be letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return clientId;
    }
}
