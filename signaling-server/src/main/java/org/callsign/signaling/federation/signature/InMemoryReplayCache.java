package org.callsign.signaling.federation.signature;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The {@link ReplayCache} of one process, in memory. Bounded: when {@code maxEntries} unexpired entries are held a new
 * one is refused with {@link FederationAuthFailure#REPLAY_CACHE_FULL} rather than forgetting one, which would let that
 * request be replayed. Thread-safe.
 */
public final class InMemoryReplayCache implements ReplayCache {

    /** The entries held by {@link #InMemoryReplayCache(Clock)}. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    private record Seen(String issuer, String jti) {}

    private record Entry(Seen seen, Instant forgetAfter) {}

    private final int maxEntries;
    private final Clock clock;
    private final Map<Seen, Instant> entries = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparing(Entry::forgetAfter));

    public InMemoryReplayCache(Clock clock) {
        this(DEFAULT_MAX_ENTRIES, clock);
    }

    public InMemoryReplayCache(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a replay cache holds at least one entry, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * {@inheritDoc}
     *
     * @throws FederationAuthException {@link FederationAuthFailure#SIGNATURE_REPLAYED} if it is remembered already,
     *     {@link FederationAuthFailure#REPLAY_CACHE_FULL} if there is no room without forgetting an unexpired entry
     */
    @Override
    public synchronized void remember(String issuer, String jti, Instant expires) throws FederationAuthException {
        Seen seen = new Seen(issuer, jti);
        Instant now = clock.instant();
        forgetExpired(now);
        if (entries.containsKey(seen)) {
            throw FederationAuthException.replayed(issuer, jti);
        }
        if (entries.size() >= maxEntries) {
            throw new FederationAuthException(
                    FederationAuthFailure.REPLAY_CACHE_FULL,
                    "replay cache holds " + maxEntries + " unexpired entries; try again after "
                            + byExpiry.element().forgetAfter());
        }
        Instant forgetAfter = expires.plus(CLOCK_STEP_MARGIN);
        entries.put(seen, forgetAfter);
        byExpiry.add(new Entry(seen, forgetAfter));
    }

    /** The entries held now, expired ones not counted. */
    public synchronized int size() {
        forgetExpired(clock.instant());
        return entries.size();
    }

    private void forgetExpired(Instant now) {
        while (!byExpiry.isEmpty() && byExpiry.element().forgetAfter().isBefore(now)) {
            entries.remove(byExpiry.remove().seen());
        }
    }
}
