package org.callsign.idp.assertion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JWSObject;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.callsign.idp.TestUsers;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityAsserter;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sdp.SessionDescription;
import org.junit.jupiter.api.Test;

/** The round trip with Ed25519 keys: the proxy verifies EdDSA with {@code crypto.subtle} too. */
@QuarkusTest
@TestProfile(LoopbackEddsaProfile.class)
class EddsaRoundTripTest {

    private static final String RELYING = "https://rp.example";

    @Test
    void assertsAndVerifiesWithEd25519() throws Exception {
        String user = TestUsers.uniqueName("eddsa");
        String token = IdpProxyRoundTripTest.consentedToken(user, RELYING);
        SessionDescription signed;
        try (IdpSandbox caller = ProxySandbox.open(token)) {
            signed = new IdentityAsserter(caller)
                    .assertIdentity(
                            IdpProxyRoundTripTest.offer(),
                            ProxySandbox.idp(),
                            RELYING,
                            new GenerateOptions("default", null, null));
        }
        try (IdpSandbox callee = ProxySandbox.open(null)) {
            String assertion = org.callsign.shim.identity.IdentityAttribute.decode(
                            signed.identity().orElseThrow())
                    .assertion();
            assertEquals(
                    "EdDSA",
                    JWSObject.parse(assertion).getHeader().getAlgorithm().getName());
            assertEquals(
                    user + "@localhost",
                    new IdentityVerifier(callee, DomainRule.STRICT)
                            .verify(signed, RELYING)
                            .orElseThrow()
                            .name());
            String tampered =
                    assertion.substring(0, assertion.length() - 4) + (assertion.endsWith("AAAA") ? "BBBB" : "AAAA");
            IdentityException e = assertThrows(
                    IdentityException.class, () -> callee.validateAssertion(ProxySandbox.idp(), tampered, RELYING));
            assertEquals(IdentityError.IDP_TOKEN_INVALID, e.error());
        }
    }
}
