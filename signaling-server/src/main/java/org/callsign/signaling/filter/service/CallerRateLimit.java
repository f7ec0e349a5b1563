package org.callsign.signaling.filter.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls per caller and callee in the last hour, for the per-caller limit. Memory is bounded: at most
 * {@value #MAX_TRACKED} caller–callee pairs are tracked, the least recently seen forgotten first, and each pair keeps
 * at most as many times as its limit.
 */
final class CallerRateLimit {

    /** The most caller–callee pairs tracked at once. */
    static final int MAX_TRACKED = 65_536;

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Map<String, ArrayDeque<Instant>> calls = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ArrayDeque<Instant>> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    /**
     * Counts one call from {@code caller} to {@code callee} at {@code now}; false, without counting it, if
     * {@code perHour} calls were counted in the hour before.
     */
    synchronized boolean tryCall(String callee, String caller, int perHour, Instant now) {
        if (perHour <= 0) {
            return true;
        }
        ArrayDeque<Instant> times = calls.computeIfAbsent(callee + ' ' + caller, key -> new ArrayDeque<>());
        Instant since = now.minus(WINDOW);
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.pollFirst();
        }
        if (times.size() >= perHour) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    /** Forgets every count of {@code callee}. */
    synchronized void forget(String callee) {
        calls.keySet().removeIf(key -> key.startsWith(callee + ' '));
    }
}
