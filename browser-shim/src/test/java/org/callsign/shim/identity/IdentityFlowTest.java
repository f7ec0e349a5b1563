package org.callsign.shim.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.shim.sdp.SdpFixtures;
import org.callsign.shim.sdp.SdpLine;
import org.callsign.shim.sdp.SdpTamper;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.shim.testing.TestIdp;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance table of RFC 8827 §7 and W3C webrtc-identity §9, end to end: an asserting party and a
 * relying party, both through the sandbox, against a signing IdP on a real local HTTPS server.
 */
class IdentityFlowTest {
    private static final String ORIGIN = "https://app.example";
    private static TestIdp idp;
    private static IdpSandbox sandbox;
    private static IdentityAsserter asserter;
    private static IdentityVerifier verifier;
    private static IdpProxyAddress idpA;

    @BeforeAll
    static void start() throws IdentityException {
        idp = TestIdp.start().serveProxy("test-idp");
        sandbox = new IdpSandbox(
                new DefaultFetcher(idp.policy().cache(new FetchCache()).build()), SandboxConfig.defaults());
        asserter = new IdentityAsserter(sandbox);
        verifier = new IdentityVerifier(sandbox, DomainRule.STRICT);
        idpA = IdpProxyAddress.of("idp-a.test", "test-idp");
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        idp.close();
    }

    @BeforeEach
    void reset() {
        idp.identity("alice@idp-a.test");
        idp.loggedIn(true);
    }

    private static SessionDescription asserted(String fixture) throws Exception {
        return asserter.assertIdentity(
                SdpFixtures.parse(fixture), idpA, ORIGIN, new GenerateOptions("test-idp", null, null));
    }

    private static IdentityException verifyFails(SessionDescription sdp) {
        return assertThrows(IdentityException.class, () -> verifier.verify(sdp, ORIGIN));
    }

    @Test
    void roundTripVerifiesTheAssertedIdentity() throws Exception {
        SessionDescription offer = asserted(SdpFixtures.CHROMIUM_OFFER);

        VerifiedIdentity identity = verifier.verify(offer, ORIGIN).orElseThrow();

        assertEquals("alice@idp-a.test", identity.name());
        assertEquals(new IdpConfig("idp-a.test", "test-idp"), identity.idp());
        assertEquals(offer.fingerprints(), identity.fingerprints());
        List<SdpLine> session = offer.sessionLines();
        assertTrue(session.get(session.size() - 1).isAttribute("identity"), "a=identity ends the session section");
        assertTrue(offer.toString().startsWith("v=0\r\n"));
    }

    @Test
    void everyFixtureWithFingerprintsRoundTrips() throws Exception {
        for (String fixture : List.of(
                SdpFixtures.CHROMIUM_STYLE_BUNDLE,
                SdpFixtures.FIREFOX_STYLE_SESSION_FINGERPRINT,
                SdpFixtures.TWO_FINGERPRINTS,
                SdpFixtures.MIXED_CASE,
                "webrtc-java-0.14-datachannel-offer.sdp")) {
            assertEquals(
                    "alice@idp-a.test",
                    verifier.verify(asserted(fixture), ORIGIN).orElseThrow().name(),
                    fixture);
        }
    }

    @Test
    void descriptionWithoutIdentityIsAbsentNotFailed() throws Exception {
        assertEquals(Optional.empty(), verifier.verify(SdpFixtures.parse(SdpFixtures.CHROMIUM_OFFER), ORIGIN));
    }

    @Test
    void swappedFingerprintIsNotCovered() throws Exception {
        SessionDescription offer = asserted(SdpFixtures.CHROMIUM_OFFER);
        String forged = "00:" + offer.fingerprints().get(0).digest().substring(3);

        IdentityException e = verifyFails(SdpTamper.replaceFingerprintDigest(offer, 0, forged));

        assertEquals(IdentityError.FINGERPRINT_NOT_COVERED, e.error());
        assertTrue(e.getMessage().contains(forged), e.getMessage());
    }

    @Test
    void addedFingerprintIsNotCovered() throws Exception {
        SessionDescription offer = asserted(SdpFixtures.CHROMIUM_OFFER);
        SessionDescription tampered = SdpTamper.addMediaFingerprint(
                offer, 0, org.callsign.shim.sdp.DtlsFingerprint.of("sha-256", "AA:".repeat(31) + "AA"));

        assertEquals(
                IdentityError.FINGERPRINT_NOT_COVERED, verifyFails(tampered).error());
    }

    @Test
    void extraFingerprintInTheAssertionIsAllowed() throws Exception {
        SessionDescription offer = asserted(SdpFixtures.TWO_FINGERPRINTS);
        int line = 0;
        for (SdpLine sdpLine : offer.lines()) {
            line++;
            if (sdpLine.isAttribute("fingerprint") && sdpLine.value().contains("sha-384")) {
                break;
            }
        }
        SessionDescription fewer = SdpTamper.replaceLine(offer, line, "a=x-removed:fingerprint");

        assertEquals(1, fewer.fingerprints().size());
        assertEquals(
                "alice@idp-a.test", verifier.verify(fewer, ORIGIN).orElseThrow().name());
    }

    @Test
    void identityOutsideTheIdpsDomainIsRefusedUnlessTrusted() throws Exception {
        idp.identity("mallory@idp-b.test");
        SessionDescription offer = asserted(SdpFixtures.CHROMIUM_OFFER);

        assertEquals(IdentityError.DOMAIN_MISMATCH, verifyFails(offer).error());
        IdentityVerifier trusting =
                new IdentityVerifier(sandbox, new DomainRule(Map.of("idp-b.test", Set.of("idp-a.test"))));
        assertEquals(
                "mallory@idp-b.test",
                trusting.verify(offer, ORIGIN).orElseThrow().name());
    }

    @Test
    void assertionForAnotherOriginIsInvalid() throws Exception {
        SessionDescription offer = asserted(SdpFixtures.CHROMIUM_OFFER);

        IdentityException e =
                assertThrows(IdentityException.class, () -> verifier.verify(offer, "https://other.example"));

        assertEquals(IdentityError.IDP_TOKEN_INVALID, e.error());
    }

    @Test
    void assertionForAnyOfTheAcceptedOriginsIsValid() throws Exception {
        SessionDescription offer = asserted(SdpFixtures.CHROMIUM_OFFER);

        VerifiedIdentity second =
                verifier.verify(offer, List.of("https://other.example", ORIGIN)).orElseThrow();
        IdentityException none = assertThrows(
                IdentityException.class,
                () -> verifier.verify(offer, List.of("https://other.example", "https://third.example")));

        assertEquals("alice@idp-a.test", second.name());
        assertEquals(IdentityError.IDP_TOKEN_INVALID, none.error());
        assertThrows(IllegalArgumentException.class, () -> verifier.verify(offer, List.of()));
    }

    @Test
    void malformedIdentityFailsWithoutAnyRequest() throws Exception {
        SessionDescription offer = SdpFixtures.parse(SdpFixtures.CHROMIUM_OFFER);
        int before = idp.server().requestCount();

        assertEquals(
                IdentityError.IDENTITY_MALFORMED,
                verifyFails(offer.withIdentity("not base64!")).error());
        String badProtocol = Base64.getEncoder()
                .encodeToString(
                        "{\"idp\":{\"domain\":\"idp-a.test\",\"protocol\":\"../x\"},\"assertion\":\"a\"}".getBytes());
        assertEquals(
                IdentityError.IDP_INVALID,
                verifyFails(offer.withIdentity(badProtocol)).error());
        String userinfo = Base64.getEncoder()
                .encodeToString("{\"idp\":{\"domain\":\"me@idp-a.test\",\"protocol\":\"default\"},\"assertion\":\"a\"}"
                        .getBytes());
        assertEquals(
                IdentityError.IDP_INVALID,
                verifyFails(offer.withIdentity(userinfo)).error());
        assertEquals(before, idp.server().requestCount());
    }

    @Test
    void loginNeededWhileAsserting() {
        idp.loggedIn(false);

        IdentityException e = assertThrows(IdentityException.class, () -> asserted(SdpFixtures.CHROMIUM_OFFER));

        assertEquals(IdentityError.IDP_NEED_LOGIN, e.error());
        assertEquals("https://idp-a.test/login", e.idpLoginUrl());
    }

    @Test
    void targetPeerIdentityMustMatchAndNeverChanges() throws Exception {
        PeerIdentity peer = new PeerIdentity(verifier, ORIGIN);
        peer.requireTarget("per@idp-a.test");

        IdentityException e = assertThrows(
                IdentityException.class, () -> peer.onRemoteDescription(asserted(SdpFixtures.CHROMIUM_OFFER)));

        assertEquals(IdentityError.PEER_IDENTITY_MISMATCH, e.error());
        assertEquals(
                IdentityError.PEER_IDENTITY_MISMATCH,
                assertThrows(IdentityException.class, () -> peer.requireTarget("alice@idp-a.test"))
                        .error());
        peer.requireTarget("per@IDP-A.test");
        assertEquals(
                IdentityError.PEER_IDENTITY_MISMATCH,
                assertThrows(
                                IdentityException.class,
                                () -> peer.onRemoteDescription(SdpFixtures.parse(SdpFixtures.CHROMIUM_OFFER)))
                        .error());
    }

    @Test
    void renegotiationKeepsOrDropsTheIdentity() throws Exception {
        PeerIdentity peer = new PeerIdentity(verifier, ORIGIN);
        SessionDescription offer = asserted(SdpFixtures.CHROMIUM_OFFER);
        assertEquals(
                "alice@idp-a.test",
                peer.onRemoteDescription(offer).orElseThrow().name());

        Optional<VerifiedIdentity> sameFingerprints = peer.onRemoteDescription(SdpTamper.dropIdentity(offer));
        assertEquals("alice@idp-a.test", sameFingerprints.orElseThrow().name());

        SessionDescription other = SdpFixtures.parse("webrtc-java-0.14-datachannel-offer.sdp");
        assertFalse(peer.onRemoteDescription(other).isPresent(), "changed fingerprints without a=identity");
        assertFalse(peer.current().isPresent());
    }

    @Test
    void identityCannotChangeOnceEstablished() throws Exception {
        PeerIdentity peer = new PeerIdentity(verifier, ORIGIN);
        peer.onRemoteDescription(asserted(SdpFixtures.CHROMIUM_OFFER));
        idp.identity("bob@idp-a.test");

        IdentityException e = assertThrows(
                IdentityException.class, () -> peer.onRemoteDescription(asserted(SdpFixtures.CHROMIUM_OFFER)));

        assertEquals(IdentityError.PEER_IDENTITY_MISMATCH, e.error());
        assertTrue(e.getMessage().contains("changed from alice@idp-a.test to bob@idp-a.test"), e.getMessage());
    }
}
