package org.callsign.wellknown.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchCacheTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final MutableClock clock = new MutableClock(NOW);

    private static FetchResult result(int status, int size, String... headerPairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
        }
        URI uri = URI.create("https://a.example/doc");
        return new FetchResult(uri, uri, status, null, headers, new byte[size], List.of(), CacheStatus.MISS);
    }

    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    @ParameterizedTest(name = "{0}: {1}={2} → stored {3}, fresh {4}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            max-age                         | cache-control | max-age=30          | true  | true
            max-age zero with etag          | cache-control | max-age=0           | true  | false
            invalid max-age means stale     | cache-control | max-age=soon        | true  | false
            no-cache with etag              | cache-control | no-cache            | true  | false
            no-store                        | cache-control | no-store            | false | false
            no freshness, etag only         | x-none        | -                   | true  | false
            """)
    void decidesWhatToStoreAndForHowLong(String name, String header, String value, boolean stored, boolean fresh) {
        FetchCache cache = new FetchCache(8, 1024, Duration.ofHours(1), clock);
        cache.store("k", result(200, 10, header, value, "etag", "\"e\""));
        FetchCache.Entry entry = cache.get("k");
        assertEquals(stored, entry != null, name);
        if (entry != null) {
            assertEquals(fresh, entry.isFresh(clock.instant()), name);
        }
    }

    @Test
    void withoutFreshnessOrValidatorNothingIsStored() {
        FetchCache cache = new FetchCache(8, 1024, Duration.ofHours(1), clock);
        cache.store("k", result(200, 10));
        assertNull(cache.get("k"));
    }

    @Test
    void onlyOkResponsesAreStored() {
        FetchCache cache = new FetchCache(8, 1024, Duration.ofHours(1), clock);
        cache.store("k", result(203, 10, "cache-control", "max-age=60"));
        assertNull(cache.get("k"));
    }

    @Test
    void expiresIsMeasuredFromTheServersDate() {
        FetchCache cache = new FetchCache(8, 1024, Duration.ofHours(1), clock);
        Instant serverNow = NOW.minusSeconds(3600);
        cache.store("k", result(200, 1, "date", httpDate(serverNow), "expires", httpDate(serverNow.plusSeconds(120))));

        FetchCache.Entry entry = cache.get("k");

        assertNotNull(entry);
        assertTrue(entry.isFresh(NOW.plusSeconds(119)));
        assertFalse(entry.isFresh(NOW.plusSeconds(121)));
    }

    @Test
    void ageReducesTheFreshnessLifetime() {
        FetchCache cache = new FetchCache(8, 1024, Duration.ofHours(1), clock);
        cache.store("k", result(200, 1, "cache-control", "max-age=100", "age", "90"));
        assertFalse(cache.get("k").isFresh(NOW.plusSeconds(11)));
    }

    @Test
    void evictsLeastRecentlyUsedByCountAndBytes() {
        FetchCache cache = new FetchCache(2, 100, Duration.ofHours(1), clock);
        cache.store("a", result(200, 10, "cache-control", "max-age=60"));
        cache.store("b", result(200, 10, "cache-control", "max-age=60"));
        cache.get("a");
        cache.store("c", result(200, 10, "cache-control", "max-age=60"));

        assertNotNull(cache.get("a"));
        assertNull(cache.get("b"));
        assertEquals(2, cache.size());

        cache.store("big", result(200, 95, "cache-control", "max-age=60"));
        assertEquals(1, cache.size());
        assertNotNull(cache.get("big"));

        cache.store("huge", result(200, 101, "cache-control", "max-age=60"));
        assertNull(cache.get("huge"));
    }

    @Test
    void notModifiedRefreshesFreshnessAndKeepsTheBody() {
        FetchCache cache = new FetchCache(8, 1024, Duration.ofHours(1), clock);
        cache.store("k", result(200, 7, "cache-control", "max-age=10", "etag", "\"e\""));
        clock.advance(Duration.ofSeconds(20));
        FetchCache.Entry stale = cache.get("k");
        assertFalse(stale.isFresh(clock.instant()));
        assertEquals(Map.of("If-None-Match", "\"e\""), stale.validators());

        cache.refresh("k", stale, Map.of("cache-control", List.of("max-age=30")));

        FetchCache.Entry refreshed = cache.get("k");
        assertTrue(refreshed.isFresh(clock.instant().plusSeconds(29)));
        assertEquals(7, refreshed.result().size());
    }
}
