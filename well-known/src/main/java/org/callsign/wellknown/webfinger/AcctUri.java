package org.callsign.wellknown.webfinger;

import org.callsign.wellknown.Authority;
import org.callsign.wellknown.UriRuleException;

/**
 * An {@code acct} URI (RFC 7565): {@code acct:user@host}, the WebFinger resource for an identity such as
 * {@code alice@idp.example} (RFC 8827 §5.6.5 names identities this way).
 *
 * <p>The user part may hold RFC 3986 unreserved and sub-delim characters and percent-encodings; an
 * {@code @} inside it must be percent-encoded, so the host starts after the last {@code @}. The host follows
 * {@link Authority} rules and, beyond RFC 7565, may carry a port ({@code alice@idp.example:8443}), as IdP
 * domains in RFC 8827 may.
 *
 * @param user the user part, as written (percent-encodings kept)
 * @param host the host, lower-cased
 */
public record AcctUri(String user, Authority host) {
    public static final String SCHEME = "acct";
    public static final int MAX_USER_LENGTH = 128;

    private static final String ALLOWED = "-._~!$&'()*+,;=";

    /** Parses {@code acct:user@host}. */
    public static AcctUri parse(String uri) throws UriRuleException {
        if (uri == null || !uri.regionMatches(true, 0, SCHEME + ":", 0, SCHEME.length() + 1)) {
            throw new UriRuleException("not an acct URI: " + abbreviate(uri));
        }
        return ofIdentity(uri.substring(SCHEME.length() + 1));
    }

    /** Parses an identity {@code user@host}, or an {@code acct:} URI. */
    public static AcctUri ofIdentity(String identity) throws UriRuleException {
        if (identity == null) {
            throw new UriRuleException("identity is missing");
        }
        if (identity.regionMatches(true, 0, SCHEME + ":", 0, SCHEME.length() + 1)) {
            return parse(identity);
        }
        int at = identity.lastIndexOf('@');
        if (at <= 0 || at == identity.length() - 1) {
            throw new UriRuleException("identity must be user@domain: " + abbreviate(identity));
        }
        String user = identity.substring(0, at);
        if (user.length() > MAX_USER_LENGTH) {
            throw new UriRuleException("user part longer than " + MAX_USER_LENGTH + " characters");
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || ALLOWED.indexOf(c) >= 0;
            if (c == '%') {
                if (i + 2 >= user.length()
                        || Character.digit(user.charAt(i + 1), 16) < 0
                        || Character.digit(user.charAt(i + 2), 16) < 0) {
                    throw new UriRuleException("user part has an invalid percent-encoding: " + abbreviate(identity));
                }
                i += 2;
            } else if (!plain) {
                throw new UriRuleException(
                        "user part contains a character not allowed in an acct URI: " + abbreviate(identity));
            }
        }
        return new AcctUri(user, Authority.parse(identity.substring(at + 1)));
    }

    /** {@code user@host}, the identity form. */
    public String identity() {
        return user + "@" + host;
    }

    /** True when {@code other} names the same account: host compared case-insensitively, user exactly. */
    public boolean sameAccount(String other) {
        try {
            AcctUri parsed = ofIdentity(other);
            return parsed.user.equals(user) && parsed.host.equals(host);
        } catch (UriRuleException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return SCHEME + ":" + identity();
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
