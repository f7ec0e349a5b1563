package org.callsign.signaling.filter.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule kind × action × status × verified or unverified caller × unverified callers allowed or not, one rule
 * matching the caller each time, against the decision docs/filtering.md's tables give (written out below as those
 * tables, not as the engine computes them).
 */
class CallRulesMatrixTest {

    /** A pattern of each kind that matches alice@a.example, vouched for by the IdP a.example, calling from 192.0.2.1. */
    private static final Map<Rule.Kind, String> MATCHING = Map.of(
            Rule.Kind.IDENTITY, "alice@a.example",
            Rule.Kind.DOMAIN, "*@a.example",
            Rule.Kind.IDP, "idp:a.example",
            Rule.Kind.NETWORK, "192.0.2.0/24");

    /** The status table of docs/filtering.md: status → {not on an allow rule, on an allow rule}. */
    private static final Map<Status, Decision[]> STATUS_TABLE = Map.of(
            Status.AVAILABLE, new Decision[] {Decision.RING, Decision.RING},
            Status.BUSY, new Decision[] {Decision.REFUSE_BUSY, Decision.RING},
            Status.DO_NOT_DISTURB, new Decision[] {Decision.RING_SILENTLY, Decision.RING},
            Status.AWAY, new Decision[] {Decision.RING_SILENTLY, Decision.RING_SILENTLY});

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Rule.Kind kind : Rule.Kind.values()) {
            for (Rule.Action action : Rule.Action.values()) {
                for (Status status : Status.values()) {
                    for (boolean verified : new boolean[] {true, false}) {
                        for (boolean allowUnverified : new boolean[] {false, true}) {
                            String name = String.format(
                                    "%s %s, %s, %s caller%s",
                                    action.value(),
                                    kind.value(),
                                    status.value(),
                                    verified ? "verified" : "unverified",
                                    allowUnverified ? " (unverified allowed)" : "");
                            cases.add(Arguments.of(Named.of(name, kind), action, status, verified, allowUnverified));
                        }
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesAsTheDocumentedTablesSay(
            Rule.Kind kind, Rule.Action action, Status status, boolean verified, boolean allowUnverified)
            throws Exception {
        String pattern = MATCHING.get(kind);
        CallRules rules = new CallRules(List.of(Rule.of(action, pattern)), allowUnverified);
        Caller caller = new Caller(
                "alice@a.example", verified, verified ? "a.example" : null, InetAddress.getByName("192.0.2.1"));

        FilterResult result = rules.decide(caller, status);

        assertEquals(expected(kind, action, status, verified, allowUnverified), result.decision());
    }

    /** Step by step as docs/filtering.md, "Evaluation order", puts it. */
    private static Decision expected(
            Rule.Kind kind, Rule.Action action, Status status, boolean verified, boolean allowUnverified) {
        if (!verified && !allowUnverified) {
            return Decision.REFUSE_UNAVAILABLE;
        }
        boolean matches = verified || kind == Rule.Kind.NETWORK;
        if (matches && action == Rule.Action.BLOCK) {
            return Decision.REFUSE_UNAVAILABLE;
        }
        return STATUS_TABLE.get(status)[matches && action == Rule.Action.ALLOW ? 1 : 0];
    }
}
