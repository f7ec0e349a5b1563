package org.callsign.signaling.verification.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * What a verification link says, signed: which device of which client it verifies, the device's fingerprint as it
 * was when the link was made, a random id (so that it verifies once) and its expiry. Nothing in it is secret; the
 * signature is what makes a link usable.
 *
 * @param v the format version, {@value #VERSION}
 * @param id random id of the link, recorded when it is used
 * @param client the client id
 * @param device the device id
 * @param fp {@link #fingerprintDigest} of the device's fingerprint
 * @param exp expiry in Unix seconds
 */
@JsonPropertyOrder({"v", "id", "client", "device", "fp", "exp"})
public record LinkClaims(int v, String id, String client, String device, String fp, long exp) {

    /** The format of links made now. */
    public static final int VERSION = 1;

    /** Bytes of SHA-256 kept in {@link #fingerprintDigest} (128 bits: 22 base64url characters). */
    public static final int DIGEST_BYTES = 16;

    /** Whether every member is present. */
    public boolean complete() {
        return id != null && client != null && device != null && fp != null;
    }

    /** When the link expires. */
    public Instant expires() {
        return Instant.ofEpochSecond(exp);
    }

    /** Whether {@code fingerprint} (upper-case hex) is the one the link was made for. */
    public boolean names(String fingerprint) {
        return MessageDigest.isEqual(
                fp.getBytes(StandardCharsets.US_ASCII),
                fingerprintDigest(fingerprint).getBytes(StandardCharsets.US_ASCII));
    }

    /** A short digest of a fingerprint: SHA-256 of its hex, cut to {@value #DIGEST_BYTES} bytes, base64url. */
    public static String fingerprintDigest(String fingerprint) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, DIGEST_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
