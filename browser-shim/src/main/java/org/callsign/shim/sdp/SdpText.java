package org.callsign.shim.sdp;

import java.util.Locale;

/** Character rules shared by the parser and the line model, and bounded quoting for error messages. */
final class SdpText {
    private static final int QUOTE_LIMIT = 40;

    private SdpText() {}

    /**
     * The index of the first character SDP text may not hold, or {@code -1}: a control character other than tab
     * (RFC 8866 §9 excludes NUL, CR and LF; Callsign also refuses the other C0 controls and DEL), or half of a
     * surrogate pair, which has no UTF-8 encoding.
     */
    static int firstForbidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                return i;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Names the forbidden character at {@code index}, for an error message. */
    static String describe(String text, int index) {
        char c = text.charAt(index);
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        if (Character.isSurrogate(c)) {
            return "unpaired surrogate " + code;
        }
        return c == '\r' ? "control character " + code + " (bare CR)" : "control character " + code;
    }

    /** {@code value} quoted for a message: at most 40 characters, anything outside printable ASCII as {@code ?}. */
    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > QUOTE_LIMIT ? value.substring(0, QUOTE_LIMIT) + "..." : value;
        return '"' + cut.replaceAll("[^\\x20-\\x7e]", "?") + '"';
    }

    /** {@code text} with A-Z lower-cased and nothing else changed: no locale, no non-ASCII case mapping. */
    static String lowerAscii(String text) {
        return shiftAscii(text, 'A', 'Z', 'a' - 'A');
    }

    /** {@code text} with a-z upper-cased and nothing else changed. */
    static String upperAscii(String text) {
        return shiftAscii(text, 'a', 'z', 'A' - 'a');
    }

    /**
     * Whether {@code text} from {@code offset} to {@code end} equals {@code other} when A-Z count as a-z: the
     * comparison {@code lowerAscii} would give, without copying either.
     */
    static boolean equalsIgnoreAsciiCase(String text, int offset, int end, String other) {
        if (end - offset != other.length()) {
            return false;
        }
        for (int i = offset; i < end; i++) {
            if (lowerAscii(text.charAt(i)) != lowerAscii(other.charAt(i - offset))) {
                return false;
            }
        }
        return true;
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** {@code text} with {@code first}..{@code last} shifted by {@code shift}; {@code text} itself if none is there. */
    private static String shiftAscii(String text, char first, char last, int shift) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) < first || text.charAt(i) > last)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < chars.length; i++) {
            if (chars[i] >= first && chars[i] <= last) {
                chars[i] = (char) (chars[i] + shift);
            }
        }
        return new String(chars);
    }

    /** The UTF-8 length of {@code text}; an unpaired surrogate counts as three bytes. */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
