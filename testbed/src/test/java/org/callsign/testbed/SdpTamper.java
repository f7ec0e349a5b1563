package org.callsign.testbed;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.callsign.shim.sdp.DtlsFingerprint;

/**
 * What a server in the middle might do to an offer on its way (RFC 8827 §5 is the defence): the SDP text changed line
 * by line, everything else left byte for byte.
 */
public final class SdpTamper {
    private static final Pattern FINGERPRINT = Pattern.compile("(?m)^a=fingerprint:[^\\r\\n]*");

    private SdpTamper() {}

    /** {@code sdp} with every {@code a=fingerprint} line, session and media level, naming {@code fingerprint}. */
    public static String withFingerprint(String sdp, DtlsFingerprint fingerprint) {
        Matcher lines = FINGERPRINT.matcher(sdp);
        if (!lines.find()) {
            throw new IllegalArgumentException("the SDP has no a=fingerprint line");
        }
        return lines.replaceAll(Matcher.quoteReplacement("a=fingerprint:" + fingerprint.toAttributeValue()));
    }

    /** A SHA-256 fingerprint of 32 random bytes: a certificate nobody asserted. */
    public static DtlsFingerprint randomFingerprint() {
        byte[] digest = new byte[32];
        new java.security.SecureRandom().nextBytes(digest);
        StringBuilder hex = new StringBuilder();
        for (byte b : digest) {
            if (!hex.isEmpty()) {
                hex.append(':');
            }
            hex.append(String.format("%02X", b & 0xff));
        }
        return new DtlsFingerprint("sha-256", hex.toString());
    }
}
