package org.callsign.signaling.signal.service;

import java.util.function.Predicate;

/**
 * The syntax of an id in the signaling protocol: {@code min} to {@code max} characters, each from a fixed set of ASCII
 * characters. Checked with a table rather than a regular expression: ids are checked for every message a device
 * sends, and a regular expression cost several percent of the server's CPU per relayed message.
 */
public final class IdSyntax implements Predicate<String> {
    /** Session ids: chosen by the caller, long enough to be unguessable when random. */
    public static final IdSyntax SESSION = urlSafe(8, 64);

    /** Message ids: the sender's choice of printable ASCII, no space. */
    public static final IdSyntax MESSAGE = printable(1, 64);

    /** Device ids, as the device API makes them (and a little room). */
    public static final IdSyntax DEVICE = urlSafe(1, 64);

    /** Call ids, as servers make them (128 random bits, base64url) with room for other servers' choices. */
    public static final IdSyntax CALL = urlSafe(16, 64);

    private final boolean[] allowed = new boolean[128];
    private final int min;
    private final int max;

    private IdSyntax(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("lengths must be 1 <= min <= max: " + min + ", " + max);
        }
        this.min = min;
        this.max = max;
    }

    /** {@code min} to {@code max} characters of {@code A-Z a-z 0-9 _ -} (base64url's alphabet). */
    public static IdSyntax urlSafe(int min, int max) {
        IdSyntax syntax = new IdSyntax(min, max);
        syntax.allow('A', 'Z');
        syntax.allow('a', 'z');
        syntax.allow('0', '9');
        syntax.allow('_', '_');
        syntax.allow('-', '-');
        return syntax;
    }

    /** {@code min} to {@code max} printable ASCII characters other than the space ({@code !} to {@code ~}). */
    public static IdSyntax printable(int min, int max) {
        IdSyntax syntax = new IdSyntax(min, max);
        syntax.allow('!', '~');
        return syntax;
    }

    /** Whether {@code value} has this syntax; {@code null} has none. */
    @Override
    public boolean test(String value) {
        if (value == null || value.length() < min || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= allowed.length || !allowed[c]) {
                return false;
            }
        }
        return true;
    }

    private void allow(char first, char last) {
        for (char c = first; c <= last; c++) {
            allowed[c] = true;
        }
    }
}
