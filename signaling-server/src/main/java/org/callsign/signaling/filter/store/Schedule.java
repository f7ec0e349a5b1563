package org.callsign.signaling.filter.store;

import java.util.List;

/**
 * Weekly windows of a status other than the base one, in the person's time zone: for example do-not-disturb from
 * 22:00 to 07:00 every day. A window whose end is not after its start runs past midnight into the next day.
 *
 * @param timeZone an IANA zone id ({@code Europe/Oslo}) or an offset ({@code +01:00})
 * @param windows the windows; the first that covers an instant decides
 */
public record Schedule(String timeZone, List<Window> windows) {

    /**
     * One window.
     *
     * @param days the days it starts on: {@code mon}, {@code tue}, … {@code sun}
     * @param from its start, {@code HH:mm}
     * @param to its end, {@code HH:mm}
     * @param status the status while it lasts
     */
    public record Window(List<String> days, String from, String to, String status) {}
}
