package org.callsign.wellknown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuthorityTest {

    @ParameterizedTest(name = "{0} -> host {1}, port {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            idp.example            | idp.example    | -1
            IDP.Example:8443       | idp.example    | 8443
            localhost              | localhost      | -1
            192.0.2.1:443          | 192.0.2.1      | 443
            [2001:DB8::1]          | 2001:db8::1    | -1
            [::1]:8443             | ::1            | 8443
            xn--bcher-kva.example  | xn--bcher-kva.example | -1
            """)
    void parsesHostAndPort(String input, String host, int port) throws Exception {
        Authority authority = Authority.parse(input);
        assertEquals(host, authority.host());
        assertEquals(port, authority.port());
    }

    @ParameterizedTest(name = "\"{0}\" refused: {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            alice@idp.example      | must not contain userinfo
            user:pw@idp.example    | must not contain userinfo
            idp.example/path       | must not contain '/'
            idp.example?q          | must not contain '?'
            idp.example#f          | must not contain '#'
            idp.example\\x         | must not contain '\\'
            idp%2eexample          | must not be percent-encoded
            idp.example:0          | port out of range
            idp.example:65536      | port out of range
            idp.example:           | not a valid port
            idp.example:80a        | not a valid port
            ::1                    | IPv6 literal must be in brackets
            [::1                   | unterminated IPv6 literal
            [zz::1]                | not an IPv6 literal
            [::1]x                 | unexpected text after IPv6 literal
            idp.example.           | must not end with a dot
            -idp.example           | not a valid host name
            idp_x.example          | not a valid host name
            a..example             | not a valid host name
            256.1.1.1              | not a valid IPv4 address
            :443                   | authority has no host
            """)
    void refusesMalformedAuthorities(String input, String message) {
        UriRuleException e = assertThrows(UriRuleException.class, () -> Authority.parse(input));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @CsvSource({"'idp.example '", "'idp .example'", "''"})
    void refusesWhitespaceAndEmpty(String input) {
        assertThrows(UriRuleException.class, () -> Authority.parse(input));
    }

    @ParameterizedTest(name = "{0}: ip literal {1}, prints {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            idp.example:8443 | false | idp.example:8443
            10.0.0.1         | true  | 10.0.0.1
            [fe80::1]:9      | true  | [fe80::1]:9
            """)
    void knowsIpLiteralsAndPrintsUriForm(String input, boolean literal, String printed) throws Exception {
        Authority authority = Authority.parse(input);
        assertEquals(literal, authority.isIpLiteral());
        assertEquals(printed, authority.toString());
        assertFalse(authority.toString().contains(" "));
    }
}
