package org.callsign.wellknown;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The host and optional port of an origin, as an IdP domain is written in RFC 8827 §7.5 and the W3C
 * {@code RTCIdentityProviderOptions} ({@code idp.example} or {@code idp.example:8443}).
 *
 * <p>Parsing is strict because the value usually comes from untrusted input (an {@code a=identity}
 * attribute, an identity's domain): userinfo, paths, queries, fragments, percent-encoding, backslashes and
 * whitespace are refused, host names must be LDH labels (internationalised names are converted to their
 * A-label form), and the host is lower-cased so that two spellings of one origin compare equal.
 *
 * @param host lower-case host name, IPv4 literal, or IPv6 literal without brackets
 * @param port explicit port, or {@code -1} when none was given
 */
public record Authority(String host, int port) {
    /** RFC 1035 §2.3.4: a name is at most 253 characters in its textual form without the final dot. */
    public static final int MAX_HOST_LENGTH = 253;

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

    public Authority {
        if (port < -1 || port == 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Parses {@code host[:port]} or {@code [ipv6][:port]}.
     *
     * @throws UriRuleException naming the rule the value breaks
     */
    public static Authority parse(String value) throws UriRuleException {
        if (value == null || value.isEmpty()) {
            throw new UriRuleException("authority is empty");
        }
        if (value.length() > MAX_HOST_LENGTH + 8) {
            throw new UriRuleException("authority too long: " + value.length() + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '@' -> throw new UriRuleException("authority must not contain userinfo: " + value);
                case '/', '\\', '?', '#' ->
                    throw new UriRuleException("authority must not contain '" + c + "': " + value);
                case '%' -> throw new UriRuleException("authority must not be percent-encoded: " + value);
                default -> {
                    if (c <= ' ' || c == 0x7f) {
                        throw new UriRuleException("authority contains whitespace or control characters");
                    }
                }
            }
        }
        String hostPart;
        String portPart = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0) {
                throw new UriRuleException("unterminated IPv6 literal: " + value);
            }
            hostPart = value.substring(1, close).toLowerCase(Locale.ROOT);
            String rest = value.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new UriRuleException("unexpected text after IPv6 literal: " + value);
                }
                portPart = rest.substring(1);
            }
            if (!IPV6.matcher(hostPart).matches() || !hostPart.contains(":") || !isInet6Literal(hostPart)) {
                throw new UriRuleException("not an IPv6 literal: " + value);
            }
        } else {
            int colon = value.indexOf(':');
            if (colon != value.lastIndexOf(':')) {
                throw new UriRuleException("IPv6 literal must be in brackets: " + value);
            }
            hostPart = colon < 0 ? value : value.substring(0, colon);
            portPart = colon < 0 ? null : value.substring(colon + 1);
            hostPart = normalizeHostName(hostPart, value);
        }
        return new Authority(hostPart, parsePort(portPart, value));
    }

    private static String normalizeHostName(String host, String original) throws UriRuleException {
        if (host.isEmpty()) {
            throw new UriRuleException("authority has no host: " + original);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new UriRuleException("not a valid host name: " + original);
        }
        if (IPV4.matcher(ascii).matches()) {
            return ascii;
        }
        if (ascii.endsWith(".")) {
            throw new UriRuleException("host name must not end with a dot: " + original);
        }
        if (ascii.length() > MAX_HOST_LENGTH) {
            throw new UriRuleException("host name longer than " + MAX_HOST_LENGTH + " characters");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new UriRuleException("not a valid host name: " + original);
            }
        }
        if (ascii.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            throw new UriRuleException("not a valid IPv4 address: " + original);
        }
        return ascii;
    }

    private static boolean isInet6Literal(String literal) {
        try {
            // Only hex digits, ':' and '.' reach here, so this parses a literal and never queries DNS.
            return InetAddress.getByName("[" + literal + "]") instanceof Inet6Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static int parsePort(String port, String original) throws UriRuleException {
        if (port == null) {
            return -1;
        }
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
            throw new UriRuleException("not a valid port: " + original);
        }
        int value = Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw new UriRuleException("port out of range: " + original);
        }
        return value;
    }

    /** The host as it appears in a URI: IPv6 literals in brackets. */
    public String uriHost() {
        return isIpv6() ? "[" + host + "]" : host;
    }

    /** The explicit port, or {@code defaultPort} when none was given. */
    public int portOr(int defaultPort) {
        return port == -1 ? defaultPort : port;
    }

    public boolean isIpv6() {
        return host.indexOf(':') >= 0;
    }

    /** True for IPv4 and IPv6 literals, which get no SNI and no DNS lookup. */
    public boolean isIpLiteral() {
        return isIpv6() || IPV4.matcher(host).matches();
    }

    @Override
    public String toString() {
        return port == -1 ? uriHost() : uriHost() + ":" + port;
    }
}
