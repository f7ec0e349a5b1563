package org.callsign.shim.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            same domain                          | alice@idp.example          | idp.example             | alice@idp.example
            port on the IdP is ignored           | alice@idp.example          | idp.example:8443        | alice@idp.example
            port on the identity is ignored      | alice@idp.example:443      | idp.example             | alice@idp.example
            domain case is ignored               | alice@IDP.Example          | idp.example             | alice@idp.example
            user case is kept                    | Alice@idp.example          | idp.example             | Alice@idp.example
            IDN and A-label are the same domain  | alice@bücher.example       | xn--bcher-kva.example   | alice@xn--bcher-kva.example
            escaped @ in the user part           | juliet%40capulet@idp.example | idp.example           | juliet%40capulet@idp.example
            userinfo on the IdP domain stripped  | alice@idp.example          | someone@idp.example     | alice@idp.example
            """)
    void acceptsIdentitiesInTheIdpsDomain(String name, String identity, String idpDomain, String normalised)
            throws Exception {
        assertEquals(normalised, DomainRule.STRICT.check(identity, idpDomain));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            other domain                 | alice@other.example     | idp.example | domain-mismatch
            subdomain of the IdP         | alice@sub.idp.example   | idp.example | domain-mismatch
            parent of the IdP            | alice@example           | idp.example | domain-mismatch
            no domain                    | alice                   | idp.example | identity-malformed
            empty user                   | @idp.example            | idp.example | identity-malformed
            unescaped @ in the user part | a@b@idp.example         | idp.example | identity-malformed
            space in the user part       | al ice@idp.example      | idp.example | identity-malformed
            path in the domain           | alice@idp.example/x     | idp.example | identity-malformed
            """)
    void refusesIdentitiesTheIdpMayNotAssert(String name, String identity, String idpDomain, String code) {
        IdentityException e = assertThrows(IdentityException.class, () -> DomainRule.STRICT.check(identity, idpDomain));
        assertEquals(code, e.error().code(), e.getMessage());
    }

    @ParameterizedTest(name = "third party {1} for {0}: {2}")
    @CsvSource({
        "alice@corp.example, login.example, true",
        "alice@corp.example, other.example, false",
        "alice@else.example, login.example, false"
    })
    void thirdPartyIdpsOnlyWhereConfigured(String identity, String idp, boolean allowed) throws Exception {
        DomainRule rule = new DomainRule(Map.of("corp.example", Set.of("login.example")));
        if (allowed) {
            assertEquals(identity, rule.check(identity, idp));
        } else {
            IdentityException e = assertThrows(IdentityException.class, () -> rule.check(identity, idp));
            assertEquals(IdentityError.DOMAIN_MISMATCH, e.error());
        }
    }
}
