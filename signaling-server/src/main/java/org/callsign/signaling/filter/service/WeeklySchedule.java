package org.callsign.signaling.filter.service;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callsign.signaling.filter.store.Schedule;

/**
 * A {@link Schedule} checked and ready to answer "which status now?": the first window that covers the instant, in
 * the schedule's time zone. A window starts on one of its days at {@code from}; if {@code to} is not after
 * {@code from}, it ends the next day.
 */
public final class WeeklySchedule {

    /** The most windows a schedule may have. */
    public static final int MAX_WINDOWS = 32;

    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "mon", DayOfWeek.MONDAY,
            "tue", DayOfWeek.TUESDAY,
            "wed", DayOfWeek.WEDNESDAY,
            "thu", DayOfWeek.THURSDAY,
            "fri", DayOfWeek.FRIDAY,
            "sat", DayOfWeek.SATURDAY,
            "sun", DayOfWeek.SUNDAY);

    private record Window(Set<DayOfWeek> days, LocalTime from, LocalTime to, Status status) {

        boolean covers(ZonedDateTime at) {
            LocalTime time = at.toLocalTime();
            DayOfWeek today = at.getDayOfWeek();
            boolean overnight = !to.isAfter(from);
            if (days.contains(today) && !time.isBefore(from) && (overnight || time.isBefore(to))) {
                return true;
            }
            return overnight && days.contains(today.minus(1)) && time.isBefore(to);
        }
    }

    private final ZoneId zone;
    private final List<Window> windows;

    private WeeklySchedule(ZoneId zone, List<Window> windows) {
        this.zone = zone;
        this.windows = windows;
    }

    /**
     * Checks {@code schedule}; {@link IllegalArgumentException} naming the first thing wrong: the zone, a day, a time
     * ({@code HH:mm}), a status, or too many windows.
     */
    public static WeeklySchedule of(Schedule schedule) {
        ZoneId zone;
        try {
            zone = ZoneId.of(schedule.timeZone() == null ? "" : schedule.timeZone());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("schedule.timeZone is not a time zone: " + schedule.timeZone());
        }
        List<Schedule.Window> given = schedule.windows() == null ? List.of() : schedule.windows();
        if (given.size() > MAX_WINDOWS) {
            throw new IllegalArgumentException("a schedule has at most " + MAX_WINDOWS + " windows");
        }
        List<Window> windows = new ArrayList<>();
        for (Schedule.Window window : given) {
            if (window == null || window.days() == null || window.days().isEmpty()) {
                throw new IllegalArgumentException("each schedule window needs days (mon, tue, … sun)");
            }
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : window.days()) {
                DayOfWeek parsed = day == null ? null : DAYS.get(day);
                if (parsed == null) {
                    throw new IllegalArgumentException("not a day (mon, tue, … sun): " + day);
                }
                days.add(parsed);
            }
            windows.add(new Window(days, time(window.from()), time(window.to()), Status.of(window.status())));
        }
        return new WeeklySchedule(zone, List.copyOf(windows));
    }

    /** The status of the first window that covers {@code now}, if any. */
    public Optional<Status> at(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        for (Window window : windows) {
            if (window.covers(local)) {
                return Optional.of(window.status());
            }
        }
        return Optional.empty();
    }

    private static LocalTime time(String value) {
        if (value == null || !value.matches("[0-2][0-9]:[0-5][0-9]")) {
            throw new IllegalArgumentException("schedule times are HH:mm: " + value);
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("schedule times are HH:mm: " + value);
        }
    }
}
