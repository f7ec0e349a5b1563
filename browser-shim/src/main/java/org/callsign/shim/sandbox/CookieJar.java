package org.callsign.shim.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cookies per IdP origin, so that a realm's {@code fetch} carries the session an IdP set (a browser's
 * cookie jar, reduced to what an IdP proxy needs: name and value, deletion by {@code Max-Age=0}). Cookies
 * never cross origins. Bounded in count and size.
 */
public final class CookieJar {
    static final int MAX_COOKIES_PER_ORIGIN = 32;
    static final int MAX_COOKIE_CHARS = 4096;

    private final Map<String, Map<String, String>> byOrigin = new ConcurrentHashMap<>();

    /** Sets a cookie for an origin, as a login step outside the realm would. */
    public void put(String origin, String name, String value) {
        Map<String, String> jar = byOrigin.computeIfAbsent(origin, o -> new LinkedHashMap<>());
        synchronized (jar) {
            if (jar.size() < MAX_COOKIES_PER_ORIGIN || jar.containsKey(name)) {
                jar.put(name, value);
            }
        }
    }

    /** The {@code Cookie} header for an origin, or {@code null}. */
    String header(String origin) {
        Map<String, String> jar = byOrigin.get(origin);
        if (jar == null) {
            return null;
        }
        synchronized (jar) {
            if (jar.isEmpty()) {
                return null;
            }
            StringBuilder header = new StringBuilder();
            jar.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            return header.toString();
        }
    }

    /** Applies {@code Set-Cookie} values (RFC 6265 §5.2, name, value and {@code Max-Age=0} only). */
    void store(String origin, List<String> setCookies) {
        for (String setCookie : setCookies) {
            if (setCookie.length() > MAX_COOKIE_CHARS) {
                continue;
            }
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            boolean delete = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                delete |= attribute.equals("max-age=0") || attribute.startsWith("max-age=-");
            }
            if (delete) {
                Map<String, String> jar = byOrigin.get(origin);
                if (jar != null) {
                    synchronized (jar) {
                        jar.remove(name);
                    }
                }
            } else {
                put(origin, name, value);
            }
        }
    }
}
