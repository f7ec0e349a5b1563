package org.callsign.signaling.auth.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * HTTP Basic credentials (RFC 7617): {@code base64(client-id ":" auth-key)}, decoded as UTF-8 (the {@code charset}
 * the challenge announces, §2.1). The id is everything before the first colon.
 *
 * @param clientId the user-id part
 * @param authKey the password part
 */
public record BasicCredentials(String clientId, String authKey) {

    /** Decodes the credentials that follow {@code Basic }. */
    public static BasicCredentials decode(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(token.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Basic credentials are not base64");
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
            // Malformed sequences decode to U+FFFD and do not encode back.
            throw new IllegalArgumentException("Basic credentials are not UTF-8");
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Basic credentials have no ':' between client id and key");
        }
        return new BasicCredentials(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Names the client, never the key. */
    @Override
    public String toString() {
        return "BasicCredentials[" + clientId + "]";
    }
}
