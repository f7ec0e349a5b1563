package org.callsign.wellknown.webfinger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.callsign.wellknown.UriRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcctUriTest {

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            acct:alice@idp-a.example        | alice          | idp-a.example
            ACCT:alice@IDP-A.example        | alice          | idp-a.example
            alice@idp-a.example             | alice          | idp-a.example
            per@idp-b.example:8443          | per            | idp-b.example:8443
            acct:juliet%40capulet.example@shoppingsite.example | juliet%40capulet.example | shoppingsite.example
            first.last+tag@idp.example      | first.last+tag | idp.example
            """)
    void parsesAccounts(String input, String user, String host) throws Exception {
        AcctUri acct = AcctUri.ofIdentity(input);
        assertEquals(user, acct.user());
        assertEquals(host, acct.host().toString());
        assertEquals("acct:" + user + "@" + host, acct.toString());
    }

    @ParameterizedTest(name = "\"{0}\" refused: {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            alice                      | must be user@domain
            @idp.example               | must be user@domain
            alice@                     | must be user@domain
            ali ce@idp.example         | not allowed in an acct URI
            ali/ce@idp.example         | not allowed in an acct URI
            al%4@idp.example           | invalid percent-encoding
            alice@idp.example/path     | must not contain '/'
            alice@user@idp.example     | not allowed in an acct URI
            """)
    void refusesMalformedIdentities(String input, String message) {
        UriRuleException e = assertThrows(UriRuleException.class, () -> AcctUri.ofIdentity(input));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void parseRequiresTheAcctScheme() {
        UriRuleException e = assertThrows(UriRuleException.class, () -> AcctUri.parse("mailto:alice@idp.example"));
        assertEquals("not an acct URI: mailto:alice@idp.example", e.getMessage());
    }

    @Test
    void comparesHostsCaseInsensitivelyAndUsersExactly() throws Exception {
        AcctUri alice = AcctUri.parse("acct:alice@idp.example");
        assertTrue(alice.sameAccount("acct:alice@IDP.example"));
        assertTrue(alice.sameAccount("alice@idp.example"));
        assertFalse(alice.sameAccount("acct:Alice@idp.example"));
        assertFalse(alice.sameAccount("https://idp.example/alice"));
    }
}
