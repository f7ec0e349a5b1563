package org.callsign.wellknown.fetch;

import java.util.List;
import java.util.Locale;

/**
 * The response directives of {@code Cache-Control} that a private client cache needs (RFC 9111 §5.2.2).
 *
 * @param noStore the response must not be stored
 * @param noCache the response may be stored but must be revalidated before every use
 * @param maxAgeSeconds freshness lifetime, {@code 0} when invalid, {@code -1} when absent
 */
record CacheControl(boolean noStore, boolean noCache, long maxAgeSeconds) {

    static CacheControl parse(List<String> values) {
        boolean noStore = false;
        boolean noCache = false;
        long maxAge = -1;
        for (String value : values) {
            for (String directive : value.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                int eq = d.indexOf('=');
                String name = eq < 0 ? d : d.substring(0, eq).trim();
                String argument = eq < 0 ? "" : d.substring(eq + 1).trim().replace("\"", "");
                switch (name) {
                    case "no-store" -> noStore = true;
                    case "no-cache" -> noCache = true;
                    case "max-age" -> maxAge = parseSeconds(argument);
                    default -> {}
                }
            }
        }
        return new CacheControl(noStore, noCache, maxAge);
    }

    private static long parseSeconds(String value) {
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0; // RFC 9111 §4.2.1: an invalid freshness lifetime makes the response stale
        }
        return Long.parseLong(value);
    }
}
