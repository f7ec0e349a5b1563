package org.callsign.shim.sdp;

import java.util.List;
import java.util.Optional;

/**
 * One line of a session description, {@code <type>=<value>} (RFC 8866 §5), kept exactly as written so that a
 * description round-trips. Attribute lines, {@code a=<attribute>} or {@code a=<attribute>:<value>} (RFC 8866
 * §5.13), get accessors; attribute names are matched ignoring ASCII case, as browsers match them.
 *
 * @param type the one lower-case letter before {@code =}
 * @param value everything after {@code =}, without the line end
 */
public record SdpLine(char type, String value) {
    public static final char ATTRIBUTE = 'a';
    public static final char MEDIA = 'm';

    /** Refuses a type that is not a lower-case letter and a value with a character that SDP text may not hold. */
    public SdpLine {
        if (type < 'a' || type > 'z') {
            throw new IllegalArgumentException(
                    "SDP line type must be a lower-case letter: " + SdpText.quote("" + type));
        }
        if (value == null) {
            throw new IllegalArgumentException("SDP line value is missing");
        }
        int bad = SdpText.firstForbidden(value);
        if (bad >= 0) {
            throw new IllegalArgumentException("SDP line value has " + SdpText.describe(value, bad));
        }
    }

    /** An attribute line {@code a=<name>:<value>}. */
    public static SdpLine attribute(String name, String value) {
        return new SdpLine(ATTRIBUTE, name + ":" + value);
    }

    /** True for an {@code a=} line whose attribute name is {@code name}, ignoring ASCII case. */
    public boolean isAttribute(String name) {
        if (type != ATTRIBUTE) {
            return false;
        }
        int colon = value.indexOf(':');
        int end = colon < 0 ? value.length() : colon;
        return SdpText.equalsIgnoreAsciiCase(value, 0, end, name);
    }

    /**
     * For an {@code a=} line, the attribute value after the first {@code :}, or empty text for a property
     * attribute ({@code a=sendrecv}); for other lines, nothing.
     */
    public Optional<String> attributeValue() {
        if (type != ATTRIBUTE) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        return Optional.of(colon < 0 ? "" : value.substring(colon + 1));
    }

    /** The values of the {@code a=<name>} lines among {@code lines}, in order. */
    static List<String> attributeValues(List<SdpLine> lines, String name) {
        return lines.stream()
                .filter(line -> line.isAttribute(name))
                .map(line -> line.attributeValue().orElseThrow())
                .toList();
    }

    /** The line as written, without its line end. */
    @Override
    public String toString() {
        return type + "=" + value;
    }
}
