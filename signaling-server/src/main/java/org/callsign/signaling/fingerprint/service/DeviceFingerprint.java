package org.callsign.signaling.fingerprint.service;

import java.util.Locale;
import java.util.Set;
import org.callsign.shim.sdp.DtlsFingerprint;

/**
 * A DTLS certificate fingerprint as webexec and peerbook compare them: the digest as upper-case hex without colons,
 * the hash function implied by its length (the SHA family of RFC 8122 §5: 20, 28, 32, 48 or 64 bytes, all distinct).
 * Two fingerprints are the same device key when their hex is equal.
 *
 * @param hex the digest, upper-case hex without colons
 */
public record DeviceFingerprint(String hex) {

    /** Digest lengths in bytes of the accepted hash functions (sha-1, sha-224, sha-256, sha-384, sha-512). */
    public static final Set<Integer> DIGEST_BYTES = Set.of(20, 28, 32, 48, 64);

    /** Longest input {@link #parse} looks at: {@code sha-512} with colons and some space. */
    public static final int MAX_TEXT = 256;

    public DeviceFingerprint {
        String problem = problem(hex);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** The fingerprint of an SDP {@code a=fingerprint}. */
    public static DeviceFingerprint of(DtlsFingerprint fingerprint) {
        return new DeviceFingerprint(fingerprint.digest().replace(":", ""));
    }

    /**
     * Parses a fingerprint written as an SDP attribute value ({@code sha-256 AB:CD:…}, RFC 8122 §5), as hex pairs joined
     * by colons, or as plain hex, in any case.
     *
     * @throws IllegalArgumentException naming the problem, never quoting more than the input's length
     */
    public static DeviceFingerprint parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("fingerprint is missing");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("fingerprint is longer than " + MAX_TEXT + " characters");
        }
        String value = text.strip();
        int space = value.indexOf(' ');
        if (space > 0) {
            try {
                return of(DtlsFingerprint.parse(value));
            } catch (org.callsign.shim.sdp.SdpException e) {
                throw new IllegalArgumentException(e.getMessage());
            }
        }
        if (value.contains(":") && !value.matches("\\p{XDigit}{2}(:\\p{XDigit}{2})*")) {
            throw new IllegalArgumentException("fingerprint is not hex pairs joined by ':'");
        }
        return new DeviceFingerprint(value.replace(":", "").toUpperCase(Locale.ROOT));
    }

    /** The digest as hex pairs joined by colons, as SDP and browsers show it to people ({@code AB:CD:…}). */
    public String pairs() {
        return hex.replaceAll("(..)(?!$)", "$1:");
    }

    @Override
    public String toString() {
        return hex;
    }

    private static String problem(String hex) {
        if (hex == null || hex.isEmpty()) {
            return "fingerprint is missing";
        }
        if (!isUpperHex(hex)) {
            return "fingerprint is not hexadecimal";
        }
        if (hex.length() % 2 != 0 || !DIGEST_BYTES.contains(hex.length() / 2)) {
            return "fingerprint has " + hex.length() + " hex digits, not the digest of sha-1, sha-224, sha-256,"
                    + " sha-384 or sha-512";
        }
        return null;
    }

    private static boolean isUpperHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'A' || c > 'F')) {
                return false;
            }
        }
        return true;
    }
}
