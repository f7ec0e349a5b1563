package org.callsign.signaling.filter.store;

import java.time.Instant;

/**
 * One person's filter settings besides the rules (docs/filtering.md).
 *
 * @param status the status set by hand ({@code available}, {@code busy}, {@code do-not-disturb}, {@code away})
 * @param until when a status set by hand ends and the schedule (or {@code available}) takes over again, or
 *     {@code null} for a base status that the schedule's windows override
 * @param allowUnverified whether callers whose identity could not be verified may ring (default: refused)
 * @param pushShowsCaller whether a push notification names the verified caller (default: it does not)
 * @param callsPerCallerPerHour how many calls one caller may place to this person in an hour before further calls
 *     are refused as unavailable; 0 for no limit. Callers on an allow rule are not limited.
 * @param schedule the weekly windows of another status, or {@code null}
 */
public record FilterSettings(
        String status,
        Instant until,
        boolean allowUnverified,
        boolean pushShowsCaller,
        int callsPerCallerPerHour,
        Schedule schedule) {

    /** The default calls per caller per hour. */
    public static final int DEFAULT_CALLS_PER_CALLER_PER_HOUR = 10;

    /** The settings of someone who never changed them. */
    public static final FilterSettings DEFAULTS =
            new FilterSettings("available", null, false, false, DEFAULT_CALLS_PER_CALLER_PER_HOUR, null);

    /** These settings with another status set by hand. */
    public FilterSettings withStatus(String value, Instant end) {
        return new FilterSettings(value, end, allowUnverified, pushShowsCaller, callsPerCallerPerHour, schedule);
    }
}
