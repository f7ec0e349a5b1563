package org.callsign.signaling.call.service;

import java.security.SecureRandom;
import java.util.Base64;

/** Call ids: 128 random bits, base64url without padding (22 characters). */
final class CallIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CallIds() {}

    static String next() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
