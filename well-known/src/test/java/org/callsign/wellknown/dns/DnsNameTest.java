package org.callsign.wellknown.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DnsNameTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "_callsign._tcp.idp-b.test,   _callsign._tcp.idp-b.test",
        "_Callsign._TCP.IdP-B.Example., _callsign._tcp.idp-b.example",
        "xn--bcher-kva.example,       xn--bcher-kva.example",
        "a,                           a",
        "0-9.example,                 0-9.example",
    })
    void acceptsLdhAndServiceLabels(String name, String normalized) {
        assertEquals(normalized, DnsName.normalize(name));
    }

    @ParameterizedTest(name = "{1}: '{0}'")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            ''                   | name is empty
            .                    | name is empty
            a..b                 | empty label
            .a                   | empty label
            -a.test              | is not letters, digits and inner hyphens
            a-.test              | is not letters, digits and inner hyphens
            a_b.test             | is not letters, digits and inner hyphens
            _.test               | is not letters, digits and inner hyphens
            a b.test             | whitespace or control characters
            bücher.example       | IDNs must be A-labels
            a/b.test             | is not letters, digits and inner hyphens
            """)
    void refusesNamesBreakingTheRules(String name, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DnsName.normalize(name));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "{0} characters")
    @CsvSource({"64, label longer than 63", "254, name longer than 253"})
    void refusesOverlongLabelsAndNames(int length, String message) {
        String name = length == 64 ? "a".repeat(64) + ".test" : ("a".repeat(62) + ".").repeat(4) + "ab";
        assertEquals(length, length == 64 ? name.indexOf('.') : name.length());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DnsName.normalize(name));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
