package org.callsign.signaling.filter.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The evaluation order as a table: rules (comma-free, separated by spaces; {@code +} allows, {@code -} blocks),
 * whether unverified callers are allowed, the caller (identity, verified, IdP, address), the status, and the decision
 * with the reason the history will show.
 */
class CallRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            no rules, available: rings                        |                                  | false | alice@a.example | true  | a.example | 192.0.2.1 | available      | ring        | status available
            no rules, busy: refused as busy                   |                                  | false | alice@a.example | true  | a.example | 192.0.2.1 | busy           | busy        | status busy
            no rules, do not disturb: silent                  |                                  | false | alice@a.example | true  | a.example | 192.0.2.1 | do-not-disturb | silent      | status do-not-disturb
            no rules, away: silent                            |                                  | false | alice@a.example | true  | a.example | 192.0.2.1 | away           | silent      | status away
            unverified caller refused by default              | +alice@a.example                 | false | alice@a.example | false |           | 192.0.2.1 | available      | unavailable | unverified caller
            unverified caller allowed, no rules: rings        |                                  | true  | alice@a.example | false |           | 192.0.2.1 | available      | ring        | status available
            a claimed identity matches no identity rule       | -alice@a.example                 | true  | alice@a.example | false |           | 192.0.2.1 | available      | ring        | status available
            an unverified caller still meets network rules    | -192.0.2.0/24                    | true  | alice@a.example | false |           | 192.0.2.1 | available      | unavailable | block 192.0.2.0/24
            identity block                                    | -alice@a.example                 | false | alice@a.example | true  | a.example | 192.0.2.1 | available      | unavailable | block alice@a.example
            identity matched without regard to case           | -alice@a.example                 | false | Alice@A.example | true  | a.example | 192.0.2.1 | available      | unavailable | block alice@a.example
            domain block                                      | -*@a.example                     | false | bob@a.example   | true  | a.example | 192.0.2.1 | available      | unavailable | block *@a.example
            idp block                                         | -idp:a.example                   | false | bob@b.example   | true  | a.example | 192.0.2.1 | available      | unavailable | block idp:a.example
            network block                                     | -192.0.2.0/24                    | false | bob@b.example   | true  | b.example | 192.0.2.9 | available      | unavailable | block 192.0.2.0/24
            network block, IPv6                               | -2001:db8::/32                   | false | bob@b.example   | true  | b.example | 2001:db8::7 | available    | unavailable | block 2001:db8::/32
            address outside the block                         | -192.0.2.0/25                    | false | bob@b.example   | true  | b.example | 192.0.2.200 | available    | ring        | status available
            identity allow beats domain block                 | -*@a.example +alice@a.example    | false | alice@a.example | true  | a.example | 192.0.2.1 | available      | ring        | allow alice@a.example, status available
            domain allow beats idp block                      | -idp:a.example +*@b.example      | false | bob@b.example   | true  | a.example | 192.0.2.1 | available      | ring        | allow *@b.example, status available
            identity rule beats network block                 | -192.0.2.0/24 +bob@b.example     | false | bob@b.example   | true  | b.example | 192.0.2.1 | available      | ring        | allow bob@b.example, status available
            block beats allow of the same pattern             | +alice@a.example -alice@a.example | false | alice@a.example | true | a.example | 192.0.2.1 | available      | unavailable | block alice@a.example
            block beats allow among networks                  | +192.0.2.0/24 -192.0.2.0/28      | false | bob@b.example   | true  | b.example | 192.0.2.3 | available      | unavailable | block 192.0.2.0/28
            allow-listed breaks through busy                  | +alice@a.example                 | false | alice@a.example | true  | a.example | 192.0.2.1 | busy           | ring        | allow alice@a.example, status busy
            allow-listed domain breaks through dnd            | +*@a.example                     | false | alice@a.example | true  | a.example | 192.0.2.1 | do-not-disturb | ring        | allow *@a.example, status do-not-disturb
            allow-listed does not break through away          | +alice@a.example                 | false | alice@a.example | true  | a.example | 192.0.2.1 | away           | silent      | allow alice@a.example, status away
            blocked stays blocked whatever the status         | -alice@a.example                 | false | alice@a.example | true  | a.example | 192.0.2.1 | do-not-disturb | unavailable | block alice@a.example
            a caller without address meets no network rule    | -0.0.0.0/0                       | false | alice@a.example | true  | a.example |           | available      | ring        | status available
            """)
    void decides(
            String name,
            String rules,
            boolean allowUnverified,
            String identity,
            boolean verified,
            String idp,
            String address,
            String status,
            String decision,
            String because)
            throws Exception {
        CallRules filter = new CallRules(parse(rules), allowUnverified);
        Caller caller = new Caller(identity, verified, idp, address == null ? null : InetAddress.getByName(address));
        FilterResult result = filter.decide(caller, status(status));
        assertEquals(decision, result.decision().value(), name);
        assertEquals(because, result.because(), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "alice",
        "*@",
        "idp:",
        "a@b@c",
        "*@*.example",
        "192.0.2.1",
        "192.0.2.0/33",
        "host.example/8",
        "al ice@a.example"
    })
    void refusesPatternsOfNoForm(String pattern) {
        assertThrows(IllegalArgumentException.class, () -> Rule.of(Rule.Action.BLOCK, pattern));
    }

    private static List<Rule> parse(String rules) {
        List<Rule> parsed = new ArrayList<>();
        if (rules == null) {
            return parsed;
        }
        for (String rule : Arrays.stream(rules.trim().split("\\s+"))
                .filter(r -> !r.isEmpty())
                .toList()) {
            Rule.Action action = rule.charAt(0) == '+' ? Rule.Action.ALLOW : Rule.Action.BLOCK;
            parsed.add(Rule.of(action, rule.substring(1)));
        }
        return parsed;
    }

    private static Status status(String value) {
        return Arrays.stream(Status.values())
                .filter(s -> s.value().equals(value))
                .findFirst()
                .orElseThrow();
    }
}
