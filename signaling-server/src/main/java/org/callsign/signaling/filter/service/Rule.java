package org.callsign.signaling.filter.service;

import java.util.Locale;

/**
 * One allow or block rule of a person's filter. Patterns: an identity {@code alice@idp-a.example}, every identity of a
 * domain {@code *@idp-a.example}, an IdP {@code idp:idp-a.example} (whoever it vouches for), or a network
 * {@code 192.0.2.0/24} (where calls come from).
 *
 * @param kind what the pattern matches
 * @param action allow or block
 * @param pattern the pattern, normalised (lower case)
 */
public record Rule(Kind kind, Action action, String pattern) {

    /** What a rule's pattern matches, from the most specific to the least. */
    public enum Kind {
        IDENTITY("identity"),
        DOMAIN("domain"),
        IDP("idp"),
        NETWORK("network");

        private final String value;

        Kind(String value) {
            this.value = value;
        }

        /** The wire value. */
        public String value() {
            return value;
        }
    }

    /** What a matching rule does. */
    public enum Action {
        ALLOW("allow"),
        BLOCK("block");

        private final String value;

        Action(String value) {
            this.value = value;
        }

        /** The wire value. */
        public String value() {
            return value;
        }
    }

    /**
     * The rule of {@code pattern}; {@link IllegalArgumentException} naming the pattern when it is none of the four
     * forms.
     */
    public static Rule of(Action action, String pattern) {
        String value = pattern == null ? "" : pattern.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("idp:") && isDomain(value.substring(4))) {
            return new Rule(Kind.IDP, action, value);
        }
        if (value.startsWith("*@") && isDomain(value.substring(2))) {
            return new Rule(Kind.DOMAIN, action, value);
        }
        if (value.indexOf('@') > 0
                && value.indexOf('@') == value.lastIndexOf('@')
                && !value.contains("*")
                && isDomain(value.substring(value.indexOf('@') + 1))
                && value.chars().noneMatch(Character::isWhitespace)) {
            return new Rule(Kind.IDENTITY, action, value);
        }
        if (value.contains("/")) {
            Cidr.parse(value);
            return new Rule(Kind.NETWORK, action, value);
        }
        throw new IllegalArgumentException(
                "not a rule pattern (user@domain, *@domain, idp:domain or a CIDR block): " + abbreviate(pattern));
    }

    private static boolean isDomain(String value) {
        return !value.isEmpty() && value.length() <= 253 && value.matches("[a-z0-9.-]+(:[0-9]{1,5})?");
    }

    private static String abbreviate(String value) {
        return value == null ? "(none)" : value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
