package org.callsign.signaling.filter.service;

import java.time.Instant;

/**
 * A person's status at one moment and where it comes from.
 *
 * @param status the status that decides calls now
 * @param source {@value #SET} (by hand), {@value #SCHEDULE} (a window of the schedule) or {@value #DEFAULT} (a status
 *     set until a time that has passed, outside any window)
 * @param until when a status set by hand ends, or {@code null}
 */
public record EffectiveStatus(Status status, String source, Instant until) {

    public static final String SET = "set";
    public static final String SCHEDULE = "schedule";
    public static final String DEFAULT = "default";
}
