package org.callsign.wellknown.dns;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Domain names as this client accepts them: ASCII, lower-cased, without the final dot, at most 253
 * characters (255 octets on the wire, RFC 1035 §2.3.4), labels of 1 to 63 characters that are LDH (RFC 1123
 * §2.1) or, for service and protocol labels, an underscore followed by LDH characters (RFC 8552).
 */
final class DnsName {
    /** Longest name in text form without the final dot (RFC 1035 §2.3.4). */
    static final int MAX_LENGTH = 253;
    /** Longest label (RFC 1035 §2.3.4). */
    static final int MAX_LABEL_LENGTH = 63;
    /** Longest name on the wire, length octets and root label included (RFC 1035 §3.1). */
    static final int MAX_WIRE_LENGTH = 255;

    private static final Pattern HOST_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
    private static final Pattern SERVICE_LABEL = Pattern.compile("_[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private DnsName() {}

    /**
     * The name lower-cased and without its final dot.
     *
     * @throws IllegalArgumentException naming the rule {@code name} breaks
     */
    static String normalize(String name) {
        if (name == null || name.isEmpty() || name.equals(".")) {
            throw new IllegalArgumentException("name is empty");
        }
        String value = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("name longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException("name has whitespace or control characters");
            }
            if (c > 0x7f) {
                throw new IllegalArgumentException("name is not ASCII (IDNs must be A-labels)");
            }
        }
        value = value.toLowerCase(Locale.ROOT);
        for (String label : value.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw new IllegalArgumentException("name has an empty label");
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw new IllegalArgumentException("label longer than " + MAX_LABEL_LENGTH + " characters");
            }
            if (!HOST_LABEL.matcher(label).matches()
                    && !SERVICE_LABEL.matcher(label).matches()) {
                throw new IllegalArgumentException("label '" + label + "' is not letters, digits and inner hyphens");
            }
        }
        return value;
    }

    /** Whether {@code name} (normalised) is a host name: LDH labels only, no underscore. */
    static boolean isHostName(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        for (String label : name.split("\\.", -1)) {
            if (label.length() > MAX_LABEL_LENGTH || !HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Writes a normalised name as uncompressed labels (RFC 1035 §3.1). */
    static void write(String name, ByteArrayOutputStream out) {
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(0);
    }
}
