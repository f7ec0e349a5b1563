package org.callsign.idp.page;

import java.util.Optional;

/**
 * Where a page continues after login: a path on the IdP itself, never another site (no open redirect). Accepts a
 * path starting with one {@code /}, without a backslash or control characters, at most {@value #MAX_LENGTH}
 * characters.
 */
public final class NextPath {

    /** The longest accepted path. */
    public static final int MAX_LENGTH = 1024;

    private NextPath() {}

    /** The path if it is safe to continue to. */
    public static Optional<String> parse(String next) {
        if (next == null
                || next.isEmpty()
                || next.length() > MAX_LENGTH
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.indexOf('\\') >= 0
                || next.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            return Optional.empty();
        }
        return Optional.of(next);
    }
}
