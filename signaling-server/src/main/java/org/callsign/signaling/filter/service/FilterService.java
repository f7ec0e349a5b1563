package org.callsign.signaling.filter.service;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.call.service.CallFilter;
import org.callsign.signaling.call.service.CallerCheck;
import org.callsign.signaling.client.service.CredentialsRevoked;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.filter.store.FilterSettings;
import org.callsign.signaling.filter.store.FilterStore;
import org.callsign.signaling.identity.store.BoundIdentity;
import org.jboss.logging.Logger;

/**
 * Each person's call filter (docs/filtering.md): their rules, compiled once per change and kept in memory; their
 * status, by hand or by schedule; and the per-caller limit. Decides every incoming call.
 */
@Singleton
public class FilterService implements CallFilter {

    private static final Logger LOG = Logger.getLogger(FilterService.class);

    /** The most calls per caller per hour a person may allow before the limit is off (0). */
    public static final int MAX_CALLS_PER_CALLER_PER_HOUR = 100;

    private final FilterStore store;
    private final int maxRules;
    private final Clock clock;
    private final Map<String, PersonFilter> compiled = new ConcurrentHashMap<>();
    private final CallerRateLimit perCaller = new CallerRateLimit();

    @Inject
    public FilterService(FilterStore store, SignalingConfig config, Clock clock) {
        this(store, config.filter().maxRules(), clock);
    }

    /** A filter service over {@code store} allowing {@code maxRules} rules per client (benchmarks, tests). */
    public FilterService(FilterStore store, int maxRules, Clock clock) {
        this.store = store;
        this.maxRules = maxRules;
        this.clock = clock;
    }

    @Override
    public FilterResult decide(CallerCheck check, BoundIdentity callee, String sender, InetAddress address) {
        PersonFilter filter = filter(callee.clientId());
        FilterSettings settings = filter.settings();
        Caller caller = check.verified()
                .map(v -> new Caller(v.name(), true, v.idp().domain(), address))
                .orElseGet(() -> new Caller(null, false, null, address));
        Instant now = clock.instant();
        FilterResult result = filter.decide(caller, now);
        if (result.decision() == Decision.REFUSE_UNAVAILABLE || result.allowListed()) {
            return result;
        }
        String who = caller.verified() ? caller.identity() : "server " + sender;
        if (!perCaller.tryCall(callee.clientId(), who, settings.callsPerCallerPerHour(), now)) {
            LOG.debugf(
                    "calls from %s to %s over %d per hour", who, callee.identity(), settings.callsPerCallerPerHour());
            return new FilterResult(
                    Decision.REFUSE_UNAVAILABLE,
                    "rate limit " + settings.callsPerCallerPerHour() + " calls per caller per hour",
                    FilterResult.Basis.RATE_LIMIT);
        }
        return result;
    }

    @Override
    public boolean pushShowsCaller(BoundIdentity callee) {
        return filter(callee.clientId()).settings().pushShowsCaller();
    }

    /** The client's settings, or the defaults. */
    public FilterSettings settings(String clientId) {
        return filter(clientId).settings();
    }

    /** Replaces the client's settings after checking them; {@code invalid-request} naming what is wrong. */
    public FilterSettings saveSettings(String clientId, FilterSettings settings) {
        return changeSettings(clientId, current -> settings);
    }

    /**
     * Replaces the client's settings with {@code change} of the current ones, checked, as one step: concurrent changes
     * of different fields do not undo each other. {@code invalid-request} naming what is wrong.
     */
    public FilterSettings changeSettings(String clientId, UnaryOperator<FilterSettings> change) {
        synchronized (this) {
            FilterSettings settings = change.apply(settings(clientId));
            if (settings.callsPerCallerPerHour() < 0
                    || settings.callsPerCallerPerHour() > MAX_CALLS_PER_CALLER_PER_HOUR) {
                throw invalid("callsPerCallerPerHour must be from 0 (no limit) to " + MAX_CALLS_PER_CALLER_PER_HOUR);
            }
            checked(() -> Status.of(settings.status()));
            if (settings.schedule() != null) {
                checked(() -> WeeklySchedule.of(settings.schedule()));
            }
            store.saveSettings(clientId, settings);
            compiled.remove(clientId);
            return settings;
        }
    }

    /** The client's status now and where it comes from. */
    public EffectiveStatus status(String clientId) {
        return filter(clientId).statusAt(clock.instant());
    }

    /** Sets the client's status by hand, until {@code until} ({@code null}: as the base status). */
    public EffectiveStatus setStatus(String clientId, String value, Instant until) {
        checked(() -> Status.of(value));
        if (until != null && !until.isAfter(clock.instant())) {
            throw invalid("until must be in the future");
        }
        synchronized (this) {
            store.saveSettings(clientId, settings(clientId).withStatus(value, until));
            compiled.remove(clientId);
        }
        return filter(clientId).statusAt(clock.instant());
    }

    /** The client's rules, ordered by pattern. */
    public List<Rule> rules(String clientId) {
        List<Rule> rules = new ArrayList<>();
        store.rules(clientId).forEach((pattern, action) -> rules.add(Rule.of(action(action), pattern)));
        return rules;
    }

    /**
     * Adds rules (a pattern already present takes the new action); {@code invalid-request} if the client would hold
     * more than {@code filter.max-rules}.
     */
    public int addRules(String clientId, Collection<Rule> rules) {
        Map<String, String> puts = new LinkedHashMap<>();
        rules.forEach(rule -> puts.put(rule.pattern(), rule.action().value()));
        synchronized (this) {
            Map<String, String> now = store.rules(clientId);
            long added = puts.keySet().stream().filter(p -> !now.containsKey(p)).count();
            if (now.size() + added > maxRules) {
                throw invalid("at most " + maxRules + " rules; there are " + now.size());
            }
            int size = store.updateRules(clientId, puts, List.of()).size();
            compiled.remove(clientId);
            return size;
        }
    }

    /** Removes the rule of {@code pattern}; false if there is none. */
    public boolean removeRule(String clientId, String pattern) {
        Rule rule = checked(() -> Rule.of(Rule.Action.BLOCK, pattern));
        synchronized (this) {
            if (!store.rules(clientId).containsKey(rule.pattern())) {
                return false;
            }
            store.updateRules(clientId, Map.of(), List.of(rule.pattern()));
            compiled.remove(clientId);
            return true;
        }
    }

    void onCredentialsRevoked(@Observes CredentialsRevoked revoked) {
        if (revoked.removed()) {
            store.removeClient(revoked.clientId());
            compiled.remove(revoked.clientId());
            perCaller.forget(revoked.clientId());
        }
    }

    /** The client's filter, built from the store after each change. */
    private PersonFilter filter(String clientId) {
        return compiled.computeIfAbsent(
                clientId, id -> new PersonFilter(store.settings(id).orElse(FilterSettings.DEFAULTS), rules(id)));
    }

    private static Rule.Action action(String value) {
        return Rule.Action.BLOCK.value().equals(value) ? Rule.Action.BLOCK : Rule.Action.ALLOW;
    }

    private static <T> T checked(Supplier<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private static ApiException invalid(String message) {
        return new ApiException(ApiError.INVALID_REQUEST, message);
    }
}
