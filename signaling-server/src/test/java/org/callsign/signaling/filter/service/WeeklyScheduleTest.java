package org.callsign.signaling.filter.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.callsign.signaling.filter.store.Schedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which status a weekly schedule gives at an instant, in its time zone, and which schedules are refused. */
class WeeklyScheduleTest {

    /** Nights from Monday to Thursday are do-not-disturb in Oslo; Saturday afternoon is away. */
    private static final Schedule OSLO = new Schedule(
            "Europe/Oslo",
            List.of(
                    new Schedule.Window(List.of("mon", "tue", "wed", "thu"), "22:00", "07:00", "do-not-disturb"),
                    new Schedule.Window(List.of("sat"), "13:00", "18:30", "away")));

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Monday 21:59 Oslo: no window,                       2026-11-30T20:59:00Z, ",
        "Monday 22:00 Oslo: the night starts,                2026-11-30T21:00:00Z, do-not-disturb",
        "Tuesday 06:59 Oslo: the night runs past midnight,   2026-12-01T05:59:00Z, do-not-disturb",
        "Tuesday 07:00 Oslo: the night is over,              2026-12-01T06:00:00Z, ",
        "Friday 06:00 Oslo: Thursday's night still runs,     2026-12-04T05:00:00Z, do-not-disturb",
        "Friday 23:00 Oslo: Friday has no night,             2026-12-04T22:00:00Z, ",
        "Monday 01:00 Oslo: Sunday has no night,             2026-11-30T00:00:00Z, ",
        "Saturday 13:00 Oslo: away,                          2026-12-05T12:00:00Z, away",
        "Saturday 18:30 Oslo: the end is not in the window,  2026-12-05T17:30:00Z, ",
        "summer time moves the window with the clock,        2026-06-29T20:30:00Z, do-not-disturb",
    })
    void givesTheStatusOfTheWindowThatCoversTheInstant(String name, String instant, String expected) {
        String status = WeeklySchedule.of(OSLO)
                .at(Instant.parse(instant))
                .map(Status::value)
                .orElse(null);
        assertEquals(expected, status, name);
    }

    @Test
    void theFirstCoveringWindowWins() {
        Schedule overlapping = new Schedule(
                "UTC",
                List.of(
                        new Schedule.Window(List.of("mon"), "09:00", "17:00", "busy"),
                        new Schedule.Window(List.of("mon"), "00:00", "00:00", "away")));
        WeeklySchedule schedule = WeeklySchedule.of(overlapping);
        assertEquals(
                Status.BUSY, schedule.at(Instant.parse("2026-11-30T10:00:00Z")).orElseThrow());
        assertEquals(
                Status.AWAY, schedule.at(Instant.parse("2026-11-30T08:00:00Z")).orElseThrow());
        assertEquals(
                Status.AWAY, schedule.at(Instant.parse("2026-11-30T23:59:00Z")).orElseThrow());
        assertTrue(
                schedule.at(Instant.parse("2026-12-01T00:00:00Z")).isEmpty(),
                "a window from 00:00 to 00:00 lasts the whole of its day, and no more");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an unknown zone           | Mars/Olympus  | mon | 22:00 | 07:00 | away           | schedule.timeZone is not a time zone: Mars/Olympus",
                "a day that is none        | UTC           | monday | 22:00 | 07:00 | away        | not a day (mon, tue, … sun): monday",
                "an hour without two digits | UTC          | mon | 7:00  | 08:00 | away           | schedule times are HH:mm: 7:00",
                "hour 24                   | UTC           | mon | 24:00 | 08:00 | away           | schedule times are HH:mm: 24:00",
                "a status that is none     | UTC           | mon | 22:00 | 07:00 | asleep         | status must be available, busy, do-not-disturb or away: asleep",
            })
    void refusesASchedule(String name, String zone, String day, String from, String to, String status, String message) {
        Schedule schedule = new Schedule(zone, List.of(new Schedule.Window(List.of(day), from, to, status)));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> WeeklySchedule.of(schedule), name);
        assertEquals(message, e.getMessage(), name);
    }

    @Test
    void refusesWindowsWithoutDaysAndTooManyWindows() {
        Schedule noDays = new Schedule("UTC", List.of(new Schedule.Window(List.of(), "22:00", "07:00", "away")));
        assertThrows(IllegalArgumentException.class, () -> WeeklySchedule.of(noDays));
        Schedule.Window window = new Schedule.Window(List.of("mon"), "22:00", "07:00", "away");
        Schedule many = new Schedule("UTC", Collections.nCopies(WeeklySchedule.MAX_WINDOWS + 1, window));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeeklySchedule.of(many));
        assertEquals("a schedule has at most 32 windows", e.getMessage());
    }
}
