package org.callsign.wellknown.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded in-memory cache of successful fetches, following RFC 9111 for a private cache: responses are
 * fresh for {@code max-age} (or until {@code Expires}), capped at {@link #maxAge()}; stale entries with an
 * {@code ETag} or {@code Last-Modified} are revalidated with a conditional request; {@code no-store} is
 * never stored and {@code no-cache} is always revalidated. Least recently used entries leave first. Thread
 * safe.
 */
public final class FetchCache {
    public static final int DEFAULT_MAX_ENTRIES = 256;
    public static final long DEFAULT_MAX_BYTES = 8L * 1024 * 1024;
    /** Upper bound on freshness, whatever the server says, so a rotated key or script is seen within it. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(1);

    private final int maxEntries;
    private final long maxBytes;
    private final Duration maxAge;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** A stored result with its freshness and validators. */
    record Entry(FetchResult result, int size, Instant freshUntil, String etag, String lastModified) {
        boolean isFresh(Instant now) {
            return now.isBefore(freshUntil);
        }

        boolean canRevalidate() {
            return etag != null || lastModified != null;
        }

        /** Conditional request headers (RFC 9110 §13.1). */
        Map<String, String> validators() {
            Map<String, String> headers = new LinkedHashMap<>();
            if (etag != null) {
                headers.put("If-None-Match", etag);
            }
            if (lastModified != null) {
                headers.put("If-Modified-Since", lastModified);
            }
            return headers;
        }
    }

    public FetchCache() {
        this(DEFAULT_MAX_ENTRIES, DEFAULT_MAX_BYTES, DEFAULT_MAX_AGE, Clock.systemUTC());
    }

    public FetchCache(int maxEntries, long maxBytes, Duration maxAge, Clock clock) {
        if (maxEntries <= 0 || maxBytes <= 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("cache limits must be positive");
        }
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    public Duration maxAge() {
        return maxAge;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    synchronized Entry get(String key) {
        return entries.get(key);
    }

    Instant now() {
        return clock.instant();
    }

    /** Stores {@code result} if its headers allow; otherwise drops any older entry for the key. */
    synchronized void store(String key, FetchResult result) {
        remove(key);
        Map<String, List<String>> headers = result.headers();
        CacheControl control = CacheControl.parse(headers.getOrDefault("cache-control", List.of()));
        String etag = result.header("etag");
        String lastModified = result.header("last-modified");
        Instant freshUntil = freshUntil(control, headers);
        boolean fresh = freshUntil.isAfter(now());
        if (control.noStore() || result.status() != 200 || (!fresh && etag == null && lastModified == null)) {
            return;
        }
        int size = result.size();
        if (size > maxBytes) {
            return;
        }
        entries.put(key, new Entry(result, size, freshUntil, etag, lastModified));
        bytes += size;
        evict();
    }

    /** After a 304: the stored body stays, freshness comes from the 304's headers (RFC 9111 §4.3.4). */
    synchronized void refresh(String key, Entry entry, Map<String, List<String>> notModifiedHeaders) {
        Map<String, List<String>> merged = new LinkedHashMap<>(entry.result().headers());
        merged.putAll(notModifiedHeaders);
        CacheControl control = CacheControl.parse(merged.getOrDefault("cache-control", List.of()));
        if (control.noStore()) {
            remove(key);
            return;
        }
        Entry refreshed = new Entry(
                entry.result(), entry.size(), freshUntil(control, merged), entry.etag(), entry.lastModified());
        if (entries.containsKey(key)) {
            entries.put(key, refreshed);
        }
    }

    private Instant freshUntil(CacheControl control, Map<String, List<String>> headers) {
        Instant now = now();
        if (control.noCache()) {
            return now;
        }
        Duration lifetime = Duration.ZERO;
        if (control.maxAgeSeconds() >= 0) {
            lifetime = Duration.ofSeconds(control.maxAgeSeconds());
        } else if (headers.containsKey("expires")) {
            Instant expires = httpDate(first(headers, "expires"));
            Instant date = headers.containsKey("date") ? httpDate(first(headers, "date")) : null;
            Instant base = date != null ? date : now;
            lifetime = expires == null ? Duration.ZERO : Duration.between(base, expires);
        }
        long age = parseAge(first(headers, "age"));
        lifetime = lifetime.minusSeconds(age);
        if (lifetime.compareTo(maxAge) > 0) {
            lifetime = maxAge;
        }
        return lifetime.isNegative() ? now : now.plus(lifetime);
    }

    private void remove(String key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.size();
        }
    }

    private void evict() {
        var iterator = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && iterator.hasNext()) {
            bytes -= iterator.next().getValue().size();
            iterator.remove();
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static long parseAge(String value) {
        if (value == null
                || value.isEmpty()
                || value.length() > 10
                || !value.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Long.parseLong(value);
    }

    /** RFC 9110 §5.6.7 IMF-fixdate; anything else (including "0") means already expired. */
    private static Instant httpDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
