package org.callsign.signaling.federation.signature;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * The {@code jti}s of verified federation requests, per sender, each remembered until its {@code exp} and a
 * {@link #CLOCK_STEP_MARGIN} past it (RFC 7519 §4.1.7). Bounded: when {@code maxEntries} unexpired entries are held a
 * new one is refused with {@link FederationAuthFailure#REPLAY_CACHE_FULL} rather than forgetting one, which would
 * let that request be replayed. Only requests whose signature verified reach it, so a forger cannot fill it.
 * Thread-safe.
 */
public final class ReplayCache {

    /** The entries held by {@link #ReplayCache(Clock)}. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;

    /**
     * How long past {@code exp} an entry is kept: a request is accepted until its {@code exp}, so an entry dropped
     * at {@code exp} would become replayable if the clock then stepped back; this covers steps up to the margin.
     */
    public static final Duration CLOCK_STEP_MARGIN = Duration.ofSeconds(30);

    private record Seen(String issuer, String jti) {}

    private record Entry(Seen seen, Instant forgetAfter) {}

    private final int maxEntries;
    private final Clock clock;
    private final Map<Seen, Instant> entries = new HashMap<>();
    private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>(Comparator.comparing(Entry::forgetAfter));

    public ReplayCache(Clock clock) {
        this(DEFAULT_MAX_ENTRIES, clock);
    }

    public ReplayCache(int maxEntries, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a replay cache holds at least one entry, not " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Remembers {@code jti} from {@code issuer} until {@code expires} (and the margin).
     *
     * @throws FederationAuthException {@link FederationAuthFailure#SIGNATURE_REPLAYED} if it is remembered already,
     *     {@link FederationAuthFailure#REPLAY_CACHE_FULL} if there is no room without forgetting an unexpired entry
     */
    public synchronized void remember(String issuer, String jti, Instant expires) throws FederationAuthException {
        Seen seen = new Seen(issuer, jti);
        Instant now = clock.instant();
        forgetExpired(now);
        if (entries.containsKey(seen)) {
            throw new FederationAuthException(
                    FederationAuthFailure.SIGNATURE_REPLAYED,
                    "jti " + FederationAuthException.quote(jti) + " from " + issuer + " was seen before");
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
