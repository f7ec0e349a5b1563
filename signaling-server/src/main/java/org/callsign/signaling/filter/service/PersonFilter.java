package org.callsign.signaling.filter.service;

import java.time.Instant;
import java.util.List;
import org.callsign.signaling.filter.store.FilterSettings;

/**
 * One person's filter, ready to decide: the settings as stored, the rules compiled, the schedule checked. Built once
 * after each change and kept in memory, so that a decision reads nothing from the store.
 */
final class PersonFilter {

    private final FilterSettings settings;
    private final CallRules rules;
    private final WeeklySchedule schedule;
    private final Status base;

    PersonFilter(FilterSettings settings, List<Rule> rules) {
        this.settings = settings;
        this.rules = new CallRules(rules, settings.allowUnverified());
        this.schedule = settings.schedule() == null ? null : WeeklySchedule.of(settings.schedule());
        this.base = Status.of(settings.status());
    }

    FilterSettings settings() {
        return settings;
    }

    /**
     * The status at {@code now}: one set until a time while it lasts, else the schedule's window, else the base status
     * (or {@code available} once a status set until a time has ended).
     */
    EffectiveStatus statusAt(Instant now) {
        if (settings.until() != null && now.isBefore(settings.until())) {
            return new EffectiveStatus(base, EffectiveStatus.SET, settings.until());
        }
        Status scheduled = schedule == null ? null : schedule.at(now).orElse(null);
        if (scheduled != null) {
            return new EffectiveStatus(scheduled, EffectiveStatus.SCHEDULE, null);
        }
        return settings.until() == null
                ? new EffectiveStatus(base, EffectiveStatus.SET, null)
                : new EffectiveStatus(Status.AVAILABLE, EffectiveStatus.DEFAULT, null);
    }

    /** The rules' decision on {@code caller} at {@code now}, before the per-caller limit. */
    FilterResult decide(Caller caller, Instant now) {
        return rules.decide(caller, statusAt(now).status());
    }
}
