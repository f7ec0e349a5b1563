package org.callsign.shim.sdp;

import java.util.Map;
import java.util.Set;

/**
 * A certificate fingerprint, the value of {@code a=fingerprint:<hash-func> <fingerprint>} (RFC 8122 §5), in
 * normal form: the hash function token lower-case, the digest upper-case hex pairs joined by {@code :}. Two
 * fingerprints are equal when they are equal in normal form, so comparisons ignore ASCII case.
 *
 * <p>Only the SHA family that RFC 8122 §5 lists is accepted, with the digest length its function produces;
 * {@code md5} and {@code md2} are refused, as RFC 8122 §5 says they must not be used, and any other token is
 * refused as unknown.
 *
 * @param algorithm the hash function, such as {@code sha-256}
 * @param digest the digest, such as {@code AB:CD:...}
 */
public record DtlsFingerprint(String algorithm, String digest) {
    /** Digest length in bytes for each accepted hash function. */
    private static final Map<String, Integer> DIGEST_BYTES =
            Map.of("sha-1", 20, "sha-224", 28, "sha-256", 32, "sha-384", 48, "sha-512", 64);

    private static final Set<String> FORBIDDEN = Set.of("md5", "md2");

    /**
     * Normalises and checks. Messages name the problem, not the place: callers add where the value came from.
     * For values from the network use {@link #of} or {@link #parse}, which report the same problems as a checked
     * {@link SdpException}.
     *
     * @throws IllegalArgumentException if the algorithm or digest is not acceptable
     */
    public DtlsFingerprint {
        algorithm = algorithm == null ? null : SdpText.lowerAscii(algorithm);
        digest = digest == null ? null : SdpText.upperAscii(digest);
        String problem = problem(algorithm, digest);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * The fingerprint with hash function {@code algorithm} and {@code digest}, both ignoring ASCII case.
     *
     * @throws SdpException if the hash function is refused or the digest is malformed or of the wrong length
     */
    public static DtlsFingerprint of(String algorithm, String digest) throws SdpException {
        try {
            return new DtlsFingerprint(algorithm, digest);
        } catch (IllegalArgumentException e) {
            throw new SdpException(e.getMessage());
        }
    }

    /**
     * Parses an attribute value {@code <hash-func> SP <fingerprint>} (RFC 8122 §5); surrounding whitespace and
     * a run of spaces or tabs as the separator are tolerated.
     *
     * @throws SdpException if the value is not two fields, or {@link #of} refuses them
     */
    public static DtlsFingerprint parse(String attributeValue) throws SdpException {
        String value = attributeValue == null ? "" : attributeValue;
        int start = skipBlanks(value, 0);
        int end = value.length();
        while (end > start && isBlank(value.charAt(end - 1))) {
            end--;
        }
        int gap = start;
        while (gap < end && !isBlank(value.charAt(gap))) {
            gap++;
        }
        int second = skipBlanks(value, gap);
        int after = second;
        while (after < end && !isBlank(value.charAt(after))) {
            after++;
        }
        if (gap == start || second >= end || after != end) {
            throw new SdpException(
                    "fingerprint attribute is not <hash-func> <fingerprint>: " + SdpText.quote(attributeValue));
        }
        return of(value.substring(start, gap), value.substring(second, end));
    }

    /** The attribute value, {@code sha-256 AB:CD:...}. */
    public String toAttributeValue() {
        return algorithm + " " + digest;
    }

    private static String problem(String algorithm, String digest) {
        if (algorithm == null || algorithm.isEmpty()) {
            return "fingerprint hash function is missing";
        }
        if (FORBIDDEN.contains(algorithm)) {
            return algorithm + " must not be used for a fingerprint (RFC 8122 §5)";
        }
        Integer bytes = DIGEST_BYTES.get(algorithm);
        if (bytes == null) {
            return "unknown fingerprint hash function " + SdpText.quote(algorithm);
        }
        if (digest == null || !isHexPairs(digest)) {
            return "fingerprint digest is not hex pairs joined by ':': " + SdpText.quote(digest);
        }
        int length = (digest.length() + 1) / 3;
        if (length != bytes) {
            return algorithm + " fingerprint digest has " + length + " bytes, expected " + bytes;
        }
        return null;
    }

    private static int skipBlanks(String value, int from) {
        int i = from;
        while (i < value.length() && isBlank(value.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isHexPairs(String digest) {
        if (digest.length() % 3 != 2) {
            return false;
        }
        for (int i = 0; i < digest.length(); i++) {
            char c = digest.charAt(i);
            boolean ok = i % 3 == 2 ? c == ':' : (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
