package org.callsign.wellknown.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A bounded in-memory cache of SRV answers, kept for the smallest TTL of the record set (RFC 2181 §5.2)
 * clamped to [{@code minTtl}, {@code maxTtl}], and of negative answers ({@link DnsFailure#NO_SUCH_DOMAIN},
 * {@link DnsFailure#NO_RECORDS}) kept for the SOA-derived TTL of RFC 2308 §5 clamped to [{@code minTtl},
 * {@code maxNegativeTtl}], or {@code negativeTtl} when the answer carried no SOA. Other failures are never
 * cached. Least recently used entries leave first. Thread safe.
 */
public final class SrvCache {
    public static final int DEFAULT_MAX_ENTRIES = 256;
    /** Floor on caching, so that a TTL of 0 does not send every call to the network. */
    public static final Duration DEFAULT_MIN_TTL = Duration.ofSeconds(5);
    /** Ceiling on caching whatever the zone says, so that a moved signaling server is seen within it. */
    public static final Duration DEFAULT_MAX_TTL = Duration.ofHours(1);
    /** How long a negative answer without an SOA record is kept. */
    public static final Duration DEFAULT_NEGATIVE_TTL = Duration.ofSeconds(30);
    /** Ceiling on negative caching, so that a newly published record is seen within it. */
    public static final Duration DEFAULT_MAX_NEGATIVE_TTL = Duration.ofMinutes(5);

    private final int maxEntries;
    private final Duration minTtl;
    private final Duration maxTtl;
    private final Duration negativeTtl;
    private final Duration maxNegativeTtl;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    /** A cached answer: records, or the failure a negative answer gave. */
    record Entry(List<SrvRecord> records, DnsFailure failure, String detail, Instant stored, Instant expires) {}

    public SrvCache() {
        this(Clock.systemUTC());
    }

    /** The default limits with another clock (tests). */
    public SrvCache(Clock clock) {
        this(
                DEFAULT_MAX_ENTRIES,
                DEFAULT_MIN_TTL,
                DEFAULT_MAX_TTL,
                DEFAULT_NEGATIVE_TTL,
                DEFAULT_MAX_NEGATIVE_TTL,
                clock);
    }

    public SrvCache(
            int maxEntries,
            Duration minTtl,
            Duration maxTtl,
            Duration negativeTtl,
            Duration maxNegativeTtl,
            Clock clock) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("maxEntries must not be negative");
        }
        if (minTtl == null || maxTtl == null || negativeTtl == null || maxNegativeTtl == null || clock == null) {
            throw new IllegalArgumentException("TTL limits and clock are required");
        }
        if (minTtl.isNegative() || maxTtl.compareTo(minTtl) < 0 || maxNegativeTtl.compareTo(minTtl) < 0) {
            throw new IllegalArgumentException("TTL limits must satisfy 0 <= minTtl <= maxTtl, maxNegativeTtl");
        }
        this.maxEntries = maxEntries;
        this.minTtl = minTtl;
        this.maxTtl = maxTtl;
        this.negativeTtl = negativeTtl;
        this.maxNegativeTtl = maxNegativeTtl;
        this.clock = clock;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
    }

    /**
     * The fresh entry for {@code name}, or {@code null}. Records come with what is left of their own TTL.
     */
    synchronized Entry get(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!now.isBefore(entry.expires())) {
            entries.remove(name);
            return null;
        }
        Duration age = Duration.between(entry.stored(), now);
        List<SrvRecord> records = new ArrayList<>(entry.records().size());
        for (SrvRecord record : entry.records()) {
            Duration left = record.ttl().minus(age);
            records.add(record.withTtl(left.isNegative() ? Duration.ZERO : left));
        }
        return new Entry(List.copyOf(records), entry.failure(), entry.detail(), entry.stored(), entry.expires());
    }

    /** Stores a non-empty record set for the smallest of its TTLs, clamped. */
    synchronized void putRecords(String name, List<SrvRecord> records) {
        Duration ttl =
                records.stream().map(SrvRecord::ttl).min(Duration::compareTo).orElseThrow();
        put(name, List.copyOf(records), null, null, clamp(ttl, maxTtl));
    }

    /** Stores a negative answer for its SOA-derived TTL (clamped), or the default when there was no SOA. */
    synchronized void putFailure(String name, DnsFailure failure, String detail, Duration soaTtl) {
        Duration ttl = soaTtl == null ? negativeTtl : clamp(soaTtl, maxNegativeTtl);
        put(name, List.of(), failure, detail, ttl);
    }

    private void put(String name, List<SrvRecord> records, DnsFailure failure, String detail, Duration ttl) {
        if (maxEntries == 0 || ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        entries.put(name, new Entry(records, failure, detail, now, now.plus(ttl)));
        while (entries.size() > maxEntries) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    private Duration clamp(Duration ttl, Duration max) {
        if (ttl.compareTo(minTtl) < 0) {
            return minTtl;
        }
        return ttl.compareTo(max) > 0 ? max : ttl;
    }
}
