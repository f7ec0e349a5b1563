package org.callsign.wellknown;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Builds {@code https://<authority>/.well-known/<suffix>[/<segment>…]} URIs (RFC 8615 §3).
 *
 * <p>Every suffix and extra segment must be a single, non-empty path segment. Values that could escape it
 * are refused before any request: {@code /} and {@code \} (RFC 8827 §7.5 forbids both in the IdP protocol
 * name), their percent-encodings, an encoded {@code %} (double encoding), dot segments, whitespace and
 * characters outside RFC 3986 {@code pchar}.
 */
public final class WellKnownUri {
    /** The path prefix reserved by RFC 8615. */
    public static final String PATH_PREFIX = "/.well-known/";

    /** Longest segment accepted; real suffixes and IdP protocol names are short. */
    public static final int MAX_SEGMENT_LENGTH = 255;

    private static final String SUB_DELIMS_AND_EXTRA = "-._~!$&'()*+,;=:@";

    private WellKnownUri() {}

    /** {@code https://<authority>/.well-known/<suffix>[/<more>…]}. */
    public static URI https(String authority, String suffix, String... more) throws UriRuleException {
        return of("https", Authority.parse(authority), suffix, more);
    }

    /** {@code https://<authority>/.well-known/<suffix>[/<more>…]}. */
    public static URI https(Authority authority, String suffix, String... more) throws UriRuleException {
        return of("https", authority, suffix, more);
    }

    /**
     * Builds a well-known URI for {@code https}, or {@code http} where a caller has decided plain HTTP is
     * acceptable (the fetcher still refuses it unless configured for loopback).
     */
    public static URI of(String scheme, Authority authority, String suffix, String... more) throws UriRuleException {
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new UriRuleException("scheme must be https or http: " + scheme);
        }
        StringBuilder uri = new StringBuilder(scheme)
                .append("://")
                .append(authority)
                .append(PATH_PREFIX)
                .append(requireSegment("suffix", suffix));
        for (String segment : more) {
            uri.append('/').append(requireSegment("path segment", segment));
        }
        return URI.create(uri.toString());
    }

    /** True when the URI's path lies under {@code /.well-known/}. */
    public static boolean isWellKnown(URI uri) {
        String path = uri.getRawPath();
        return path != null && path.startsWith(PATH_PREFIX) && path.length() > PATH_PREFIX.length();
    }

    /**
     * Checks that {@code segment} is one safe path segment and returns it unchanged.
     *
     * @param what names the value in the error message ("suffix", "protocol")
     * @throws UriRuleException naming the rule the segment breaks
     */
    public static String requireSegment(String what, String segment) throws UriRuleException {
        if (segment == null || segment.isEmpty()) {
            throw new UriRuleException(what + " is empty");
        }
        if (segment.length() > MAX_SEGMENT_LENGTH) {
            throw new UriRuleException(what + " longer than " + MAX_SEGMENT_LENGTH + " characters");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '/' || c == '\\') {
                throw new UriRuleException(what + " must not contain '" + c + "': " + segment);
            }
            if (c != '%' && !isPchar(c)) {
                throw new UriRuleException(what + " contains a character not allowed in a path segment: "
                        + (c < ' ' || c > '~' ? String.format("U+%04X", (int) c) : "'" + c + "'"));
            }
        }
        String decoded = percentDecode(what, segment);
        if (decoded.indexOf('/') >= 0 || decoded.indexOf('\\') >= 0) {
            throw new UriRuleException(what + " must not contain an encoded '/' or '\\': " + segment);
        }
        if (decoded.indexOf('%') >= 0) {
            throw new UriRuleException(what + " must not contain an encoded '%': " + segment);
        }
        if (decoded.equals(".") || decoded.equals("..")) {
            throw new UriRuleException(what + " must not be a dot segment: " + segment);
        }
        if (decoded.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new UriRuleException(what + " must not contain encoded control characters: " + segment);
        }
        return segment;
    }

    private static boolean isPchar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || SUB_DELIMS_AND_EXTRA.indexOf(c) >= 0;
    }

    private static String percentDecode(String what, String segment) throws UriRuleException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (i + 2 >= segment.length()) {
                throw new UriRuleException(what + " has a truncated percent-encoding: " + segment);
            }
            int hi = Character.digit(segment.charAt(i + 1), 16);
            int lo = Character.digit(segment.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                throw new UriRuleException(what + " has an invalid percent-encoding: "
                        + segment.substring(i, i + 3).toUpperCase(Locale.ROOT));
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
