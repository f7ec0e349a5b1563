package org.callsign.signaling.filter.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.callsign.server.api.ApiException;
import org.callsign.shim.identity.IdpConfig;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.signaling.call.service.CallerCheck;
import org.callsign.signaling.client.service.CredentialsRevoked;
import org.callsign.signaling.filter.store.FilterSettings;
import org.callsign.signaling.filter.store.KeyValueFilterStore;
import org.callsign.signaling.filter.store.Schedule;
import org.callsign.signaling.identity.store.BoundIdentity;
import org.callsign.signaling.store.EmbeddedStore;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The filter around the rules: status by hand and by schedule, the per-caller limit, rules kept and limited. */
class FilterServiceTest {

    @RegisterExtension
    final EmbeddedStore embedded = new EmbeddedStore();

    /** A Monday, 12:00 UTC. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

    private final BoundIdentity per =
            new BoundIdentity("per@idp-b.example", "per", "uid-per", "idp-b.example", "default", clock.instant());

    private FilterService filters;

    @BeforeEach
    void open() {
        filters = new FilterService(new KeyValueFilterStore(embedded.reopen()), 5, clock);
    }

    @Test
    void aStatusSetUntilATimeLastsUntilThenAndFallsBackToAvailable() {
        EffectiveStatus set = filters.setStatus("per", "away", clock.instant().plus(Duration.ofHours(1)));
        assertEquals(Status.AWAY, set.status());
        assertEquals(EffectiveStatus.SET, set.source());
        assertEquals(
                "silent", decide(verified("alice@idp-a.example")).decision().value());
        clock.advance(Duration.ofHours(1));
        assertEquals(new EffectiveStatus(Status.AVAILABLE, EffectiveStatus.DEFAULT, null), filters.status("per"));
        assertEquals("ring", decide(verified("alice@idp-a.example")).decision().value());
    }

    @Test
    void aChangedStatusOrSettingTakesEffectAtOnce() {
        CallerCheck alice = verified("alice@idp-a.example");
        assertEquals(Decision.RING, decide(alice).decision());
        filters.setStatus("per", "busy", null);
        assertEquals(Decision.REFUSE_BUSY, decide(alice).decision());
        CallerCheck anonymous = new CallerCheck(Optional.empty(), CallerCheck.IDENTITY_MISSING);
        assertEquals("unverified caller", decide(anonymous).because());
        filters.saveSettings("per", new FilterSettings("available", null, true, false, 10, null));
        assertEquals(Decision.RING, decide(anonymous).decision());
    }

    @Test
    void theScheduleOverridesTheBaseStatusButNotOneSetUntilATime() {
        Schedule lunch =
                new Schedule("UTC", List.of(new Schedule.Window(List.of("mon"), "11:30", "13:00", "do-not-disturb")));
        FilterSettings settings = filters.settings("per");
        filters.saveSettings(
                "per", new FilterSettings("busy", null, false, false, settings.callsPerCallerPerHour(), lunch));
        assertEquals(new EffectiveStatus(Status.DO_NOT_DISTURB, EffectiveStatus.SCHEDULE, null), filters.status("per"));
        clock.advance(Duration.ofHours(1));
        assertEquals(new EffectiveStatus(Status.BUSY, EffectiveStatus.SET, null), filters.status("per"));
        clock.advance(Duration.ofDays(7).minusHours(1));
        Instant until = clock.instant().plus(Duration.ofMinutes(10));
        assertEquals(
                Status.AVAILABLE, filters.setStatus("per", "available", until).status());
        assertEquals(
                "ring",
                decide(verified("alice@idp-a.example")).decision().value(),
                "a status set until a time wins over the schedule");
    }

    @Test
    void aCallerOverTheHourlyLimitIsRefusedUntilTheHourHasPassed() {
        setLimit(3);
        for (int i = 0; i < 3; i++) {
            assertEquals(Decision.RING, decide(verified("alice@idp-a.example")).decision(), "call " + i);
            clock.advance(Duration.ofMinutes(10));
        }
        FilterResult fourth = decide(verified("alice@idp-a.example"));
        assertEquals(Decision.REFUSE_UNAVAILABLE, fourth.decision());
        assertEquals("rate limit 3 calls per caller per hour", fourth.because());
        assertEquals(
                Decision.RING, decide(verified("bob@idp-a.example")).decision(), "another caller is counted apart");
        clock.advance(Duration.ofMinutes(31));
        assertEquals(Decision.RING, decide(verified("alice@idp-a.example")).decision(), "the first call left the hour");
    }

    @Test
    void refusedCallsDoNotCountButSilentOnesDo() {
        setLimit(1);
        filters.setStatus("per", "away", null);
        assertEquals(
                Decision.RING_SILENTLY, decide(verified("alice@idp-a.example")).decision());
        assertEquals(
                Decision.REFUSE_UNAVAILABLE,
                decide(verified("alice@idp-a.example")).decision());
        filters.addRules("per", List.of(Rule.of(Rule.Action.BLOCK, "mallory@idp-a.example")));
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    "block mallory@idp-a.example",
                    decide(verified("mallory@idp-a.example")).because());
        }
    }

    @Test
    void allowListedCallersAreNotLimitedAndNoLimitMeansNone() {
        setLimit(1);
        filters.addRules("per", List.of(Rule.of(Rule.Action.ALLOW, "*@idp-a.example")));
        for (int i = 0; i < 5; i++) {
            assertEquals(Decision.RING, decide(verified("alice@idp-a.example")).decision());
        }
        setLimit(0);
        for (int i = 0; i < 5; i++) {
            assertEquals(Decision.RING, decide(verified("carol@idp-c.example")).decision());
        }
    }

    @Test
    void unverifiedCallersAreCountedPerSendingServer() {
        FilterSettings defaults = filters.settings("per");
        filters.saveSettings("per", new FilterSettings("available", null, true, false, 1, null));
        CallerCheck anonymous = new CallerCheck(Optional.empty(), CallerCheck.IDENTITY_MISSING);
        assertEquals(
                Decision.RING,
                filters.decide(anonymous, per, "https://sig-a.example", null).decision());
        assertEquals(
                Decision.REFUSE_UNAVAILABLE,
                filters.decide(anonymous, per, "https://sig-a.example", null).decision());
        assertEquals(
                Decision.RING,
                filters.decide(anonymous, per, "https://sig-c.example", null).decision());
        assertFalse(defaults.allowUnverified(), "unverified callers are refused unless allowed");
    }

    @Test
    void rulesTakeEffectAtOnceAndSurviveARestart() throws Exception {
        CallerCheck alice = verified("alice@idp-a.example");
        assertEquals(Decision.RING, decide(alice).decision());
        filters.addRules("per", List.of(Rule.of(Rule.Action.BLOCK, "*@IDP-A.example")));
        assertEquals("block *@idp-a.example", decide(alice).because());
        filters = new FilterService(new KeyValueFilterStore(embedded.reopen()), 5, clock);
        assertEquals("block *@idp-a.example", decide(alice).because(), "after a restart");
        assertTrue(filters.removeRule("per", "*@idp-a.example"));
        assertFalse(filters.removeRule("per", "*@idp-a.example"));
        assertEquals(Decision.RING, decide(alice).decision());
    }

    @Test
    void networkRulesMatchTheSendingServersAddress() throws Exception {
        filters.addRules("per", List.of(Rule.of(Rule.Action.BLOCK, "198.51.100.0/24")));
        FilterResult result = filters.decide(
                verified("alice@idp-a.example"), per, "https://sig-a.example", InetAddress.getByName("198.51.100.7"));
        assertEquals("block 198.51.100.0/24", result.because());
    }

    @Test
    void refusesMoreRulesThanTheLimitButNotAPatternAlreadyThere() {
        List<Rule> five = List.of(
                Rule.of(Rule.Action.BLOCK, "a@x.example"),
                Rule.of(Rule.Action.BLOCK, "b@x.example"),
                Rule.of(Rule.Action.BLOCK, "c@x.example"),
                Rule.of(Rule.Action.BLOCK, "d@x.example"),
                Rule.of(Rule.Action.BLOCK, "e@x.example"));
        assertEquals(5, filters.addRules("per", five));
        ApiException e = assertThrows(
                ApiException.class, () -> filters.addRules("per", List.of(Rule.of(Rule.Action.BLOCK, "f@x.example"))));
        assertEquals("at most 5 rules; there are 5", e.getMessage());
        assertEquals(5, filters.addRules("per", List.of(Rule.of(Rule.Action.ALLOW, "a@x.example"))));
        assertEquals(Rule.Action.ALLOW, filters.rules("per").get(0).action(), "the new action replaced the old");
    }

    @Test
    void refusesSettingsOutOfRange() {
        assertThrows(
                ApiException.class,
                () -> filters.saveSettings("per", new FilterSettings("available", null, false, false, 101, null)));
        assertThrows(
                ApiException.class,
                () -> filters.saveSettings("per", new FilterSettings("sleeping", null, false, false, 1, null)));
        assertThrows(ApiException.class, () -> filters.setStatus("per", "away", clock.instant()));
        assertEquals(FilterSettings.DEFAULTS, filters.settings("per"), "nothing was saved");
    }

    @Test
    void concurrentChangesOfDifferentSettingsKeepBoth() throws Exception {
        Thread shows = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                boolean on = i % 2 == 1;
                filters.changeSettings(
                        "per",
                        s -> new FilterSettings(
                                s.status(),
                                s.until(),
                                s.allowUnverified(),
                                on,
                                s.callsPerCallerPerHour(),
                                s.schedule()));
            }
        });
        Thread limits = new Thread(() -> {
            for (int i = 0; i <= 50; i++) {
                int limit = i;
                filters.changeSettings(
                        "per",
                        s -> new FilterSettings(
                                s.status(), s.until(), s.allowUnverified(), s.pushShowsCaller(), limit, s.schedule()));
            }
        });
        shows.start();
        limits.start();
        shows.join();
        limits.join();
        filters = new FilterService(new KeyValueFilterStore(embedded.reopen()), 5, clock);
        assertTrue(filters.settings("per").pushShowsCaller(), "the last change of one field");
        assertEquals(50, filters.settings("per").callsPerCallerPerHour(), "the last change of the other");
    }

    @Test
    void aRemovedClientsFilterIsForgotten() {
        filters.addRules("per", List.of(Rule.of(Rule.Action.BLOCK, "*@idp-a.example")));
        filters.setStatus("per", "busy", null);
        filters.onCredentialsRevoked(new CredentialsRevoked("per", true));
        assertTrue(filters.rules("per").isEmpty());
        assertEquals(FilterSettings.DEFAULTS, filters.settings("per"));
        assertEquals(Decision.RING, decide(verified("alice@idp-a.example")).decision());
    }

    private void setLimit(int perHour) {
        filters.saveSettings("per", new FilterSettings("available", null, false, false, perHour, null));
    }

    private FilterResult decide(CallerCheck caller) {
        return filters.decide(caller, per, "https://sig-a.example", null);
    }

    private static CallerCheck verified(String identity) {
        String domain = identity.substring(identity.indexOf('@') + 1);
        return new CallerCheck(
                Optional.of(new VerifiedIdentity(identity, new IdpConfig(domain, "default"), List.of())), null);
    }
}
