package org.callsign.signaling.filter.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One person's filter, compiled for lookups that do not depend on the number of rules: identity, domain and IdP
 * rules in hash maps, network rules in a list (docs/filtering.md, "Evaluation order").
 *
 * <ol>
 *   <li>A caller whose identity was not verified is refused as unavailable, unless {@code allowUnverified}; its
 *       claimed identity matches no identity, domain or IdP rule (anyone can claim anything), only network rules.
 *   <li>The most specific matching rule decides: identity, then domain, then IdP, then network; between an allow and a
 *       block of the same specificity, the block. A block refuses the call as unavailable.
 *   <li>The status decides the rest: available rings; busy refuses as busy; do-not-disturb records silently; away
 *       records silently. An allow rule breaks through busy and do-not-disturb (not away).
 * </ol>
 */
public final class CallRules {

    private final Map<String, Rule.Action> identities = new HashMap<>();
    private final Map<String, Rule.Action> domains = new HashMap<>();
    private final Map<String, Rule.Action> idps = new HashMap<>();
    private final List<Map.Entry<Cidr, Rule>> networks = new ArrayList<>();
    private final boolean allowUnverified;

    /** The filter of {@code rules}; unverified callers are refused unless {@code allowUnverified}. */
    public CallRules(List<Rule> rules, boolean allowUnverified) {
        this.allowUnverified = allowUnverified;
        for (Rule rule : rules) {
            switch (rule.kind()) {
                case IDENTITY -> identities.merge(rule.pattern(), rule.action(), CallRules::stricter);
                case DOMAIN -> domains.merge(rule.pattern().substring(2), rule.action(), CallRules::stricter);
                case IDP -> idps.merge(rule.pattern().substring(4), rule.action(), CallRules::stricter);
                case NETWORK -> networks.add(Map.entry(Cidr.parse(rule.pattern()), rule));
            }
        }
    }

    /** What becomes of a call from {@code caller} while the callee's status is {@code status}, and why. */
    public FilterResult decide(Caller caller, Status status) {
        if (!caller.verified() && !allowUnverified) {
            return new FilterResult(Decision.REFUSE_UNAVAILABLE, "unverified caller", FilterResult.Basis.UNVERIFIED);
        }
        Optional<String> matched = caller.verified() ? byIdentity(caller) : Optional.empty();
        Rule.Action action = matched.map(this::actionOf).orElse(null);
        String because = matched.orElse(null);
        if (action == null) {
            Optional<Rule> network = byNetwork(caller);
            if (network.isPresent()) {
                action = network.get().action();
                because = network.get().pattern();
            }
        }
        if (action == Rule.Action.BLOCK) {
            return new FilterResult(Decision.REFUSE_UNAVAILABLE, "block " + because, FilterResult.Basis.BLOCK_RULE);
        }
        boolean allowed = action == Rule.Action.ALLOW;
        String why = allowed ? "allow " + because + ", status " + status.value() : "status " + status.value();
        Decision decision =
                switch (status) {
                    case AVAILABLE -> Decision.RING;
                    case BUSY -> allowed ? Decision.RING : Decision.REFUSE_BUSY;
                    case DO_NOT_DISTURB -> allowed ? Decision.RING : Decision.RING_SILENTLY;
                    case AWAY -> Decision.RING_SILENTLY;
                };
        return new FilterResult(decision, why, allowed ? FilterResult.Basis.ALLOW_RULE : FilterResult.Basis.STATUS);
    }

    /** The most specific identity, domain or IdP pattern that matches a verified caller, written as a rule. */
    private Optional<String> byIdentity(Caller caller) {
        String identity = caller.identity() == null ? null : caller.identity().toLowerCase(Locale.ROOT);
        if (identity != null && identities.containsKey(identity)) {
            return Optional.of(identity);
        }
        String domain = caller.domain();
        if (domain != null && domains.containsKey(domain)) {
            return Optional.of("*@" + domain);
        }
        String idp = caller.idpDomain() == null ? null : caller.idpDomain().toLowerCase(Locale.ROOT);
        if (idp != null && idps.containsKey(idp)) {
            return Optional.of("idp:" + idp);
        }
        return Optional.empty();
    }

    private Rule.Action actionOf(String pattern) {
        if (pattern.startsWith("idp:")) {
            return idps.get(pattern.substring(4));
        }
        if (pattern.startsWith("*@")) {
            return domains.get(pattern.substring(2));
        }
        return identities.get(pattern);
    }

    /** The network rule for the caller's address: a block if any block matches, else the first allow. */
    private Optional<Rule> byNetwork(Caller caller) {
        if (caller.address() == null) {
            return Optional.empty();
        }
        Rule allow = null;
        for (Map.Entry<Cidr, Rule> network : networks) {
            if (network.getKey().contains(caller.address())) {
                if (network.getValue().action() == Rule.Action.BLOCK) {
                    return Optional.of(network.getValue());
                }
                allow = allow == null ? network.getValue() : allow;
            }
        }
        return Optional.ofNullable(allow);
    }

    private static Rule.Action stricter(Rule.Action a, Rule.Action b) {
        return a == Rule.Action.BLOCK || b == Rule.Action.BLOCK ? Rule.Action.BLOCK : Rule.Action.ALLOW;
    }
}
