package org.callsign.testbed;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.callsign.peer.WebRtcPeer;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityAttribute;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.identity.IdpConfig;
import org.callsign.shim.identity.PeerIdentity;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.ValidationResult;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.testbed.firefox.Firefox;
import org.callsign.testbed.firefox.FirefoxEsr;
import org.callsign.testbed.firefox.FirefoxPage;
import org.callsign.testbed.firefox.PortedIdps;
import org.callsign.testbed.firefox.Verdict;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interoperability with the one browser that implements W3C webrtc-identity natively (docs/interop.md): Debian's
 * Firefox ESR, headless, with the two testbed domains, reaching every name through a CONNECT proxy that maps port 443
 * as the servers' {@code net.connect-to} does; the test page is {@code https://app.test} on the extra server. One
 * browser serves every case. Disabled, with the reason, where firefox-esr is missing (before the testbed starts);
 * under CI that is an error.
 */
@EnabledIf(value = "org.callsign.testbed.firefox.FirefoxEsr#installed", disabledReason = FirefoxEsr.MISSING)
class FirefoxIdentityIT {
    private static final String APP = "app.test";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final TwoDomainsExtension testbed = new TwoDomainsExtension(TestbedOptions.NONE.withExtraHosts(APP));

    private static PortedIdps idps;
    private static Firefox firefox;
    private static FirefoxPage page;
    private static User alice;
    private static User per;
    private static WebRtcPeer peer;
    private static Offers offers;

    @BeforeAll
    static void startFirefox() throws Exception {
        TwoDomains bed = testbed.get();
        String origin = "https://" + APP;
        alice = bed.createUser(Domain.A, "alice");
        per = bed.createUser(Domain.B, "per");
        for (User user : List.of(alice, per)) {
            bed.idp(user.domain())
                    .post("/api/consents", user.idpAuthorization(), Map.of("origin", origin))
                    .expect(200);
        }
        idps = PortedIdps.of(bed);
        firefox = Firefox.start(bed.caPem(), bed.connectTo());
        // alice logs in at her IdP's page once, as she would; per has not (loginNeededFlowEndsWithAnAssertion)
        firefox.open(URI.create(Domain.A.idpOrigin() + "/login"));
        String status = firefox.evaluate(fillLogin(alice));
        assertTrue(status.startsWith("Logged in"), "alice's login: " + status);
        page = FirefoxPage.open(firefox, bed.extraServer(), APP);
        peer = WebRtcPeer.caller();
        offers = new Offers(idps, alice, peer.offer(), origin);
    }

    @AfterAll
    static void stopFirefox() throws Exception {
        if (peer != null) {
            peer.close();
        }
        if (firefox != null) {
            firefox.close();
        }
        if (idps != null) {
            idps.close();
        }
    }

    @Test
    void firefoxOfferCarriesOurSignedAssertionWhichBrowserShimVerifies() throws Exception {
        JsonNode offer = page.call("offer", Domain.A.idpHost());
        assertTrue(offer.has("sdp"), "Firefox's offer: " + offer);
        SessionDescription sdp = SessionDescription.parse(offer.path("sdp").asText());

        IdentityAttribute attribute =
                IdentityAttribute.decode(sdp.identity().orElseThrow(() -> new AssertionError("no a=identity")));
        IdentityVerifier verifier = new IdentityVerifier(idps.relying(), DomainRule.STRICT);
        VerifiedIdentity verified = verifier.verify(sdp, page.origin()).orElseThrow();
        IdentityException elsewhere =
                assertThrows(IdentityException.class, () -> verifier.verify(sdp, Domain.B.signalingOrigin()));

        assertAll(
                () -> assertEquals(new IdpConfig(Domain.A.idpHost(), "default"), attribute.idp()),
                () -> assertEquals(3, attribute.assertion().split("\\.").length, "a compact JWS of our IdP"),
                () -> assertEquals("alice@idp-a.test", verified.name()),
                () -> assertEquals(sdp.fingerprints(), verified.fingerprints()),
                () -> assertEquals(IdentityError.IDP_TOKEN_INVALID, elsewhere.error(), elsewhere.getMessage()));
    }

    @Test
    void signalingServerRefusesFirefoxsNativeAssertionInARealInviteSinceItIsForThePage() throws Exception {
        TwoDomains bed = testbed.get();
        String offer = page.call("offer", Domain.A.idpHost()).path("sdp").asText();
        SessionDescription sdp = SessionDescription.parse(offer);
        User inFirefox = bed.withDevice(alice, "alice's Firefox", sdp);

        try (DeviceSocket device = bed.connect(inFirefox)) {
            device.next("welcome");
            device.send(CallSteps.message("call").put("to", per.identity()).put("sdp", offer));
            String call = device.next("call-placed").path("call").asText();
            JsonNode record = CallSteps.awaitIncoming(bed, per, call, Duration.ofSeconds(15));
            device.send(CallSteps.message("hangup").put("call", call));

            assertEquals("failed", record.path("state").asText(), record.toString());
            assertEquals("refused:idp-token-invalid", record.path("reason").asText(), record.toString());
        }
    }

    @Test
    void firefoxPeerIdentityIsTheIdpDomainAndTheAssertedName() throws Exception {
        JsonNode identity = firefoxPeerIdentity(offers.genuine());

        assertEquals(Domain.A.idpHost(), identity.path("idp").asText(), identity.toString());
        assertEquals("alice@idp-a.test", identity.path("name").asText(), identity.toString());
    }

    @Test
    void firefoxPeerIdentityKeepsTheIdpPortWhileTheNameCheckStripsIt() throws Exception {
        JsonNode identity = firefoxPeerIdentity(offers.ported());

        assertEquals(idps.portedIdp(Domain.A), identity.path("idp").asText(), identity.toString());
        assertEquals("alice@idp-a.test", identity.path("name").asText(), identity.toString());
    }

    @Test
    void firefoxCannotCheckTheAudienceSinceItGivesTheIdpNoRelyingOrigin() throws Exception {
        String sdp = offers.forOtherOrigin();

        Verdict firefoxVerdict = Verdict.ofFirefox(page.call("receive", sdp, null));
        Verdict shimVerdict = shimVerdict(sdp, null);

        assertEquals("alice@idp-a.test", firefoxVerdict.outcome(), "Firefox: " + firefoxVerdict.detail());
        assertEquals(Verdict.REFUSED, shimVerdict.outcome(), "browser-shim: " + shimVerdict.detail());
        assertTrue(shimVerdict.detail().startsWith(IdentityError.IDP_TOKEN_INVALID.code()), shimVerdict.detail());
    }

    static Stream<Offers.Case> relyingCases() {
        return Offers.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("relyingCases")
    void firefoxAndBrowserShimAgreeAsRelyingParties(Offers.Case c) throws Exception {
        String sdp = c.sdp().apply(offers);
        Verdict firefoxVerdict = Verdict.ofFirefox(page.call("receive", sdp, c.target()));
        Verdict shimVerdict = shimVerdict(sdp, c.target());
        System.out.println("interop: " + c + ": Firefox " + firefoxVerdict + "; browser-shim " + shimVerdict);

        assertAll(
                () -> assertEquals(c.expected(), firefoxVerdict.outcome(), "Firefox: " + firefoxVerdict.detail()),
                () -> assertEquals(c.expected(), shimVerdict.outcome(), "browser-shim: " + shimVerdict.detail()));
    }

    @Test
    void loginNeededFlowEndsWithAnAssertion() throws Exception {
        JsonNode first = page.call("startLogin", Domain.B.idpHost());
        assertEquals("IdpLoginError", first.path("error").asText(), first.toString());
        String loginUrl = first.path("idpLoginUrl").asText();
        assertTrue(loginUrl.startsWith(Domain.B.idpOrigin() + "/login?origin="), loginUrl);
        assertTrue(first.path("opened").asBoolean(), "the login window opened: " + first);

        String status = firefox.evaluateInWindow(Domain.B.idpOrigin() + "/login", fillLogin(per));
        JsonNode second = page.call("finishLogin");

        assertTrue(status.startsWith("Logged in"), status);
        assertEquals(Domain.B.idpOrigin(), second.path("messageFrom").asText(), second.toString());
        JsonNode assertion = second.path("assertion");
        assertEquals(Domain.B.idpHost(), assertion.path("idp").path("domain").asText(), second.toString());
        ValidationResult validated = idps.relying()
                .validateAssertion(
                        IdpProxyAddress.of(Domain.B.idpHost(), IdpProxyAddress.DEFAULT_PROTOCOL),
                        assertion.path("assertion").asText(),
                        page.origin());
        assertEquals("per@idp-b.test", validated.identity());
        assertFalse(validated.contents().isEmpty());
    }

    private static JsonNode firefoxPeerIdentity(String sdp) throws Exception {
        JsonNode outcome = page.call("receive", sdp, null);
        assertEquals("accepted", outcome.path("remote").asText(), outcome.toString());
        return outcome.path("peerIdentity");
    }

    private static Verdict shimVerdict(String sdp, String target) {
        return Verdict.ofShim(() -> {
            PeerIdentity peerIdentity =
                    new PeerIdentity(new IdentityVerifier(idps.relying(), DomainRule.STRICT), page.origin());
            if (target != null) {
                peerIdentity.requireTarget(target);
            }
            try {
                return peerIdentity.onRemoteDescription(SessionDescription.parse(sdp));
            } catch (SdpException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String fillLogin(User user) throws Exception {
        return FirefoxPage.resource("fill-login.js").strip() + "(" + JSON.writeValueAsString(user.username()) + ", "
                + JSON.writeValueAsString(user.password()) + ")";
    }
}
