package org.callsign.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityAsserter;
import org.callsign.shim.identity.IdentityAttribute;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.wellknown.webfinger.AcctUri;
import org.callsign.wellknown.webfinger.Jrd;
import org.callsign.wellknown.webfinger.WebFingerClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testbed itself: two domains come up, a user of each is set up through the public APIs, WebFinger at B names
 * B's signaling server, an assertion of A's IdP for B's signaling origin verifies there and nowhere else, and both
 * devices are greeted by their own servers.
 */
class TwoDomainsIT {
    private static final String SIGNALING_REL = "urn:callsign:rel:signaling-server";

    @RegisterExtension
    static final TwoDomainsExtension testbed = new TwoDomainsExtension();

    private static User alice;
    private static User per;

    @BeforeAll
    static void users() {
        alice = testbed.get().createUser(Domain.A, "alice");
        per = testbed.get().createUser(Domain.B, "per");
    }

    @Test
    void usersAreTheFirstClientsAndOwnersOfTheirServers() {
        assertEquals("alice@idp-a.test", alice.identity());
        assertEquals("per@idp-b.test", per.identity());
        assertTrue(alice.owner(), "the first client registered from loopback owns sig-a");
        assertTrue(per.owner(), "the first client registered from loopback owns sig-b");
    }

    @Test
    void webFingerAtIdpBNamesSigBAsPersSignalingServer() throws Exception {
        Jrd jrd = new WebFingerClient(testbed.get().fetcher()).lookup(AcctUri.ofIdentity("per@idp-b.test"));

        assertEquals("acct:per@idp-b.test", jrd.subject());
        assertEquals("https://sig-b.test", jrd.link(SIGNALING_REL).orElseThrow().href());
    }

    @Test
    void assertionForSigBVerifiesAtSigBOnly() throws Exception {
        SessionDescription signed = new IdentityAsserter(testbed.get().sandboxFor(alice))
                .assertIdentity(
                        alice.sdp(),
                        IdpProxyAddress.of("idp-a.test", IdpProxyAddress.DEFAULT_PROTOCOL),
                        "https://sig-b.test",
                        new GenerateOptions(IdpProxyAddress.DEFAULT_PROTOCOL, null, null));
        assertEquals(
                "idp-a.test",
                IdentityAttribute.decode(signed.identity().orElseThrow()).idp().domain());

        // The relying party's sandbox holds no credentials: validation needs none.
        IdentityVerifier verifier = new IdentityVerifier(testbed.get().sandbox(), DomainRule.STRICT);
        SessionDescription received = SessionDescription.parse(signed.toString());
        Optional<VerifiedIdentity> verified = verifier.verify(received, "https://sig-b.test");
        assertEquals("alice@idp-a.test", verified.orElseThrow().name());
        assertFalse(alice.sdp().fingerprints().isEmpty());
        assertEquals(alice.sdp().fingerprints(), verified.get().fingerprints());

        IdentityException wrongAudience =
                assertThrows(IdentityException.class, () -> verifier.verify(received, "https://sig-a.test"));
        assertEquals(IdentityError.IDP_TOKEN_INVALID, wrongAudience.error());
    }

    @Test
    void eachDeviceIsWelcomedByItsOwnServer() {
        for (User user : new User[] {alice, per}) {
            try (DeviceSocket device = testbed.get().connect(user)) {
                JsonNode welcome = device.next("welcome");
                assertEquals(user.deviceId(), welcome.path("device").path("id").asText(), user + ": " + welcome);
                assertTrue(welcome.path("device").path("verified").asBoolean(), user + ": " + welcome);
            }
        }
    }
}
