package org.callsign.signaling.turn.service;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the STUN and TURN URLs an operator configures, so that a typo stops the server at startup instead of every
 * call failing later. TURN URLs are {@code turn:} or {@code turns:} {@code host[:port][?transport=udp|tcp]} (RFC 7065
 * §3.1); STUN URLs are {@code stun:} or {@code stuns:} {@code host[:port]} (RFC 7064 §3.1). A host is a DNS name, an
 * IPv4 address or a bracketed IPv6 address.
 */
public enum IceUrls {
    /** TURN URLs (RFC 7065). */
    TURN("turn", "turns", "RFC 7065"),
    /** STUN URLs (RFC 7064), which take no transport. */
    STUN("stun", "stuns", "RFC 7064");

    /** The longest URL accepted. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern URL = Pattern.compile(
            "(?<scheme>[a-zA-Z]+):(?<host>[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])"
                    + "(?::(?<port>[0-9]{1,5}))?(?:\\?transport=(?<transport>[a-z]+))?");

    private final String scheme;
    private final String secureScheme;
    private final String rfc;

    IceUrls(String scheme, String secureScheme, String rfc) {
        this.scheme = scheme;
        this.secureScheme = secureScheme;
        this.rfc = rfc;
    }

    /** The URLs of configuration key {@code key}, each checked; an {@link IllegalArgumentException} names a bad one. */
    public List<String> check(String key, List<String> urls) {
        return urls.stream().map(url -> check(key, url)).toList();
    }

    private String check(String key, String url) {
        String shown = url.length() > MAX_LENGTH ? url.substring(0, MAX_LENGTH) + "…" : url;
        Matcher matcher = URL.matcher(url);
        String urlScheme = matcher.matches() ? matcher.group("scheme").toLowerCase(Locale.ROOT) : "";
        if (url.length() > MAX_LENGTH || !(urlScheme.equals(scheme) || urlScheme.equals(secureScheme))) {
            throw invalid(key, shown, "is not a " + scheme + ": or " + secureScheme + ": URL (" + rfc + ")");
        }
        String port = matcher.group("port");
        if (port != null && (Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535)) {
            throw invalid(key, shown, "has a port outside 1-65535");
        }
        String transport = matcher.group("transport");
        if (transport != null && this == STUN) {
            throw invalid(key, shown, "must not name a transport");
        }
        if (transport != null && !transport.equals("udp") && !transport.equals("tcp")) {
            throw invalid(key, shown, "has a transport other than udp or tcp");
        }
        return url;
    }

    private static IllegalArgumentException invalid(String key, String url, String problem) {
        return new IllegalArgumentException(key + ": '" + url + "' " + problem);
    }
}
