package org.callsign.wellknown.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SrvCacheTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final SrvCache cache = new SrvCache(
            3, Duration.ofSeconds(5), Duration.ofSeconds(600), Duration.ofSeconds(30), Duration.ofSeconds(120), clock);

    private static SrvRecord srv(String target, long ttl) {
        return new SrvRecord(10, 1, 443, target, Duration.ofSeconds(ttl));
    }

    /** Seconds until the entry stored now for {@code name} is gone, probing second by second. */
    private long secondsCached(String name) {
        long seconds = 0;
        while (cache.get(name) != null) {
            clock.advance(Duration.ofSeconds(1));
            seconds++;
        }
        return seconds;
    }

    @ParameterizedTest(name = "record TTLs {0} and {1} s are cached {2} s")
    @CsvSource({
        "300,   60,   60",
        "0,     300,  5",
        "86400, 7200, 600",
    })
    void keepsRecordsForTheSmallestTtlClamped(long first, long second, long expected) {
        cache.putRecords("_callsign._tcp.a.test", List.of(srv("a.test", first), srv("b.test", second)));
        assertEquals(expected, secondsCached("_callsign._tcp.a.test"));
    }

    @ParameterizedTest(name = "SOA TTL {0} is cached {1} s")
    @CsvSource({
        "60,   60",
        "1,    5",
        "3600, 120",
        ",     30",
    })
    void keepsNegativeAnswersForTheSoaTtlClampedOrTheDefault(Long soa, long expected) {
        cache.putFailure("nx.test", DnsFailure.NO_SUCH_DOMAIN, "gone", soa == null ? null : Duration.ofSeconds(soa));
        assertEquals(DnsFailure.NO_SUCH_DOMAIN, cache.get("nx.test").failure());
        assertEquals(expected, secondsCached("nx.test"));
    }

    @Test
    void returnsWhatIsLeftOfEachRecordsTtl() {
        cache.putRecords("_callsign._tcp.a.test", List.of(srv("a.test", 100), srv("b.test", 40)));
        clock.advance(Duration.ofSeconds(25));
        List<SrvRecord> records = cache.get("_callsign._tcp.a.test").records();
        assertEquals(List.of(srv("a.test", 75), srv("b.test", 15)), records);
    }

    @Test
    void evictsTheLeastRecentlyUsedEntryBeyondTheLimit() {
        cache.putRecords("one.test", List.of(srv("a.test", 60)));
        cache.putRecords("two.test", List.of(srv("a.test", 60)));
        cache.putRecords("three.test", List.of(srv("a.test", 60)));
        assertNotNull(cache.get("one.test"));
        cache.putRecords("four.test", List.of(srv("a.test", 60)));
        assertEquals(3, cache.size());
        assertNull(cache.get("two.test"));
        assertNotNull(cache.get("one.test"));
    }

    @Test
    void storesNothingWhenTheLimitIsZero() {
        SrvCache none = new SrvCache(
                0, Duration.ZERO, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofSeconds(60), clock);
        none.putRecords("a.test", List.of(srv("a.test", 60)));
        assertEquals(0, none.size());
    }
}
