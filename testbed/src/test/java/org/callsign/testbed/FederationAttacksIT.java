package org.callsign.testbed;

import static org.callsign.testbed.CallSteps.asserted;
import static org.callsign.testbed.CallSteps.awaitIncoming;
import static org.callsign.testbed.CallSteps.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.FingerprintContents;
import org.callsign.shim.identity.IdentityAttribute;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.identity.IdpConfig;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Attacks across domains, each refused with its documented code while both servers stay healthy (docs/federation.md):
 * forged, unsigned and replayed federation requests; a server in the middle that swaps the caller's fingerprint,
 * strips {@code a=identity} or lends another user's assertion; a caller claiming an identity of another domain; callees
 * whose domain publishes no server, a huge server document, a server that never answers, and WebFinger links to
 * addresses no server may be made to fetch. The last test checks that both servers are ready and that a call still
 * connects.
 *
 * <p>The hostile hosts ({@link HostileHosts}) are extra names of the testbed; a dnsmasq authoritative for {@code .test}
 * answers the signaling servers' SRV fallback with NXDOMAIN.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FederationAttacksIT {
    private static final String SIG_A = Domain.A.signalingOrigin();
    private static final String SIG_B = Domain.B.signalingOrigin();
    private static final String INVITES = "/federation/v1/invites";
    private static final String EVIL = "https://" + HostileHosts.EVIL;

    /** How long a device is watched for a ring that must not come, after the callee's server decided. */
    private static final Duration NO_RING = Duration.ofSeconds(1);

    /** How long the callee's server may take to verify and decide (it runs the caller's IdP proxy). */
    private static final Duration DECISION = Duration.ofSeconds(10);

    @RegisterExtension
    static final TwoDomainsExtension testbed = new TwoDomainsExtension(
            TestbedOptions.NONE.withExtraHosts(HostileHosts.ALL).withLocalDns());

    private static ForeignServer evil;
    private static User alice;
    private static User per;
    private static User mallory;

    /** Alice's offer with her genuine {@code a=identity}, asserted by IdP A for per's server. */
    private static String aliceOffer;

    @BeforeAll
    static void setUp() {
        TwoDomains domains = testbed.get();
        evil = ForeignServer.create(EVIL);
        HostileHosts.install(domains.extraServer(), evil);
        alice = domains.createUser(Domain.A, "alice", SdpFixtures.CHROMIUM_OFFER);
        per = domains.createUser(Domain.B, "per", SdpFixtures.WEBRTC_JAVA_OFFER);
        mallory = domains.createUser(Domain.A, "mallory", SdpFixtures.WEBRTC_JAVA_OFFER);
        domains.idp(Domain.B)
                .post("/api/accounts", null, Map.of("username", "nosig", "password", TwoDomains.random(18)))
                .expect(201);
        aliceOffer = asserted(testbed.get(), alice, SIG_B);
    }

    // 1, 2: signatures.

    @Test
    void anUnsignedInviteIsRefusedAsSignatureMissing() {
        byte[] body = ForeignServer.invite(TwoDomains.random(16), per.identity(), aliceOffer);

        assertRefused(401, "signature-missing", sendInvite(body, null));
    }

    @Test
    void anInviteClaimingSigAUnderAKeyItDoesNotPublishIsRefusedAsSenderUnknown() {
        byte[] body = ForeignServer.invite(TwoDomains.random(16), per.identity(), aliceOffer);
        ECKey forger = ForeignServer.newKey();
        String signature = ForeignServer.sign(forger, forger.getKeyID(), SIG_A, SIG_B, SIG_B + INVITES, body);

        assertRefused(401, "sender-unknown", sendInvite(body, signature));
    }

    @Test
    void anInviteClaimingSigAUnderItsKeyIdButSignedWithAnotherKeyIsRefusedAsSignatureInvalid() {
        String sigAKid = testbed.get()
                .signaling(Domain.A)
                .get("/.well-known/callsign", null)
                .expect(200)
                .json()
                .path("federation")
                .path("keys")
                .path("keys")
                .path(0)
                .path("kid")
                .asText();
        assertFalse(sigAKid.isEmpty(), "sig-a publishes a federation key");
        byte[] body = ForeignServer.invite(TwoDomains.random(16), per.identity(), aliceOffer);
        String signature = ForeignServer.sign(ForeignServer.newKey(), sigAKid, SIG_A, SIG_B, SIG_B + INVITES, body);

        assertRefused(401, "signature-invalid", sendInvite(body, signature));
    }

    @Test
    void aReplayedInviteIsRefusedAsSignatureReplayed() {
        // To nobody, so that the first delivery rings no device: the answer is the same 202 as for per.
        byte[] body = ForeignServer.invite(TwoDomains.random(16), "nobody@" + Domain.B.idpHost(), aliceOffer);
        String signature = evil.sign(SIG_B, SIG_B + INVITES, body);

        sendInvite(body, signature).expect(202);
        assertRefused(401, "signature-replayed", sendInvite(body, signature));
    }

    @Test
    void aSenderWhoseDocumentIsTooLargeIsUnknown() {
        ForeignServer huge = ForeignServer.create("https://" + HostileHosts.HUGE);
        byte[] body = ForeignServer.invite(TwoDomains.random(16), per.identity(), aliceOffer);

        assertRefused(401, "sender-unknown", sendInvite(body, huge.sign(SIG_B, SIG_B + INVITES, body)));
    }

    // 3, 4: a server in the middle.

    /** What evil.test does to alice's offer before it invites per, and what per's server records. */
    enum Tampering {
        FINGERPRINT_SWAPPED("refused:fingerprint-not-covered"),
        IDENTITY_STRIPPED("refused:identity-missing"),
        MALLORYS_ASSERTION("refused:fingerprint-not-covered");

        final String reason;

        Tampering(String reason) {
            this.reason = reason;
        }
    }

    @ParameterizedTest
    @EnumSource(Tampering.class)
    void aTamperedOfferIsTakenLikeAnyInviteButNeverRings(Tampering tampering) {
        String offer =
                switch (tampering) {
                    case FINGERPRINT_SWAPPED -> SdpTamper.withFingerprint(aliceOffer, SdpTamper.randomFingerprint());
                    case IDENTITY_STRIPPED -> alice.sdp().withoutIdentity().toString();
                    case MALLORYS_ASSERTION ->
                        alice.sdp()
                                .withIdentity(identityOf(asserted(testbed.get(), mallory, SIG_B)))
                                .toString();
                };
        try (DeviceSocket perDevice = testbed.get().connect(per)) {
            perDevice.next("welcome");
            String call = TwoDomains.random(16);
            byte[] body = ForeignServer.invite(call, per.identity(), offer);

            ApiClient.Response taken = sendInvite(body, evil.sign(SIG_B, SIG_B + INVITES, body));

            taken.expect(202);
            assertEquals(call, taken.json().path("call").asText(), "the same 202 as for any invite");
            JsonNode record = awaitIncoming(testbed.get(), per, call, DECISION);
            assertEquals("failed", record.path("state").asText(), record.toString());
            assertEquals(tampering.reason, record.path("reason").asText(), record.toString());
            assertFalse(record.path("verified").asBoolean(), record.toString());
            assertEquals(EVIL, record.path("peerServer").asText(), record.toString());
            assertNoRing(perDevice);
        }
    }

    // 5: a caller claiming a user of another domain.

    @Test
    void anOfferWhoseIdentityNamesIdpBForAnIdpAAssertionNeverRings() {
        IdentityAttribute genuine = decode(identityOf(aliceOffer));
        String relabelled = new IdentityAttribute(
                        new IdpConfig(Domain.B.idpHost(), IdpConfig.DEFAULT_PROTOCOL), genuine.assertion())
                .encode();

        JsonNode record =
                placeRefusedCall(alice, alice.sdp().withIdentity(relabelled).toString());

        assertEquals("refused:idp-token-invalid", record.path("reason").asText(), record.toString());
    }

    @Test
    void aRogueIdpVouchingForAliceCannotMakeMallorysCallRingAsHers() throws SdpException {
        String contents = FingerprintContents.of(mallory.sdp().fingerprints()).json();
        String claim = new IdentityAttribute(
                        new IdpConfig(HostileHosts.ROGUE_IDP, IdpConfig.DEFAULT_PROTOCOL),
                        HostileHosts.rogueAssertion(alice.identity(), contents))
                .encode();

        JsonNode record =
                placeRefusedCall(mallory, mallory.sdp().withIdentity(claim).toString());

        assertEquals("refused:domain-mismatch", record.path("reason").asText(), record.toString());
    }

    @Test
    void aRogueIdpCannotBindAnIdentityOfAnotherDomain() {
        ApiClient sigA = testbed.get().signaling(Domain.A);
        String challenge = sigA.post("/api/identity/challenge", mallory.signalingAuthorization(), null)
                .expect(200)
                .json()
                .path("contents")
                .asText();

        ApiClient.Response refused = sigA.put(
                "/api/identity",
                mallory.signalingAuthorization(),
                Map.of(
                        "idp",
                        Map.of("domain", HostileHosts.ROGUE_IDP, "protocol", "default"),
                        "assertion",
                        HostileHosts.rogueAssertion(per.identity(), challenge)));

        assertRefused(400, "identity-rejected", refused);
        assertTrue(refused.json().path("message").asText().contains("domain-mismatch"), refused.body());
        assertEquals(
                mallory.identity(),
                sigA.get("/api/identity", mallory.signalingAuthorization())
                        .expect(200)
                        .json()
                        .path("identity")
                        .asText(),
                "mallory's own binding stands");
    }

    // 6, 7: callees that cannot be reached.

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "ghost@idp-b.test,         no-such-user",
        "nosig@idp-b.test,         no-signaling-server",
        "someone@huge.test,        bad-document",
        "metadata@rogue-idp.test,  server-unreachable",
        "anyhost@rogue-idp.test,   server-unreachable"
    })
    void aCallThatCannotBeDeliveredFailsAtOnceWithItsReason(String callee, String reason) {
        try (DeviceSocket aliceDevice = testbed.get().connect(alice)) {
            aliceDevice.next("welcome");
            long start = System.nanoTime();
            String call = place(aliceDevice, callee, aliceOffer);

            JsonNode update = update(aliceDevice, call);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(call, update.path("call").asText(), update.toString());
            assertEquals("failed", update.path("state").asText(), update.toString());
            assertEquals(reason, update.path("reason").asText(), update.toString());
            assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "failed after " + took);
        }
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
        "metadata@rogue-idp.test, 169.254.169.254 is link-local",
        "anyhost@rogue-idp.test, 0.0.0.0 is unspecified"
    })
    void aWebFingerLinkToAnAddressNoServerMayFetchIsRefused(String identity, String refusal) {
        ApiClient.Response lookup = testbed.get()
                .signaling(Domain.A)
                .get(
                        "/api/lookup?identity=" + URLEncoder.encode(identity, StandardCharsets.UTF_8),
                        alice.signalingAuthorization());

        assertRefused(502, "server-unreachable", lookup);
        assertTrue(lookup.json().path("message").asText().contains(refusal), lookup.body());
    }

    @Test
    void aServerThatNeverAnswersFailsTheCallWithinTheFederationTimeout() {
        try (DeviceSocket aliceDevice = testbed.get().connect(alice)) {
            aliceDevice.next("welcome");
            long start = System.nanoTime();
            String call = place(aliceDevice, "someone@" + HostileHosts.SILENT, aliceOffer);

            JsonNode update = update(aliceDevice, call, Duration.ofSeconds(10));

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals("failed", update.path("state").asText(), update.toString());
            assertEquals("server-unreachable", update.path("reason").asText(), update.toString());
            assertTrue(
                    took.compareTo(Duration.ofMillis(4500)) > 0 && took.compareTo(Duration.ofSeconds(7)) < 0,
                    "the 5 s federation timeout ended it, after " + took);
        }
    }

    // Events from a server that is not party to the call.

    @Test
    void eventsFromAServerOutsideTheCallAreUnknownAndChangeNothing() {
        try (DeviceSocket aliceDevice = testbed.get().connect(alice);
                DeviceSocket perDevice = testbed.get().connect(per)) {
            aliceDevice.next("welcome");
            perDevice.next("welcome");
            String call = place(aliceDevice, per.identity(), aliceOffer);
            assertEquals("ringing", update(aliceDevice, call).path("state").asText());
            assertEquals(call, perDevice.next("incoming-call").path("call").asText());

            String events = "/federation/v1/calls/" + call + "/events";
            byte[] cancel = ForeignServer.json(Map.of("type", "cancel"));
            ApiClient.Response atB = ForeignServer.post(
                    testbed.get().httpClient(),
                    testbed.get().signaling(Domain.B).base(),
                    events,
                    cancel,
                    evil.sign(SIG_B, SIG_B + events, cancel));
            byte[] accepted = ForeignServer.json(
                    Map.of("type", "accepted", "sdp", per.sdp().toString()));
            ApiClient.Response atA = ForeignServer.post(
                    testbed.get().httpClient(),
                    testbed.get().signaling(Domain.A).base(),
                    events,
                    accepted,
                    evil.sign(SIG_A, SIG_A + events, accepted));

            assertNoUpdate(perDevice, call);
            assertNoUpdate(aliceDevice, call);
            aliceDevice.send(message("hangup").put("call", call));
            assertEquals("cancelled", update(perDevice, call).path("state").asText());
            assertEquals(404, atB.status(), atB.body());
            assertEquals(404, atA.status(), atA.body());
            assertEquals(eventForUnknownCall(Domain.B).body(), atB.body(), "the same answer as for an unknown id");
            assertEquals(eventForUnknownCall(Domain.A).body(), atA.body(), "the same answer as for an unknown id");
        }
    }

    @Test
    void anEventForACallTheReceiverDoesNotKnowIsRefusedAsCallUnknown() {
        assertRefused(404, "call-unknown", eventForUnknownCall(Domain.B));
    }

    /** evil.test's {@code cancel} for a call id nobody used, at {@code domain}'s signaling server. */
    private static ApiClient.Response eventForUnknownCall(Domain domain) {
        String events = "/federation/v1/calls/" + TwoDomains.random(16) + "/events";
        byte[] cancel = ForeignServer.json(Map.of("type", "cancel"));
        return ForeignServer.post(
                testbed.get().httpClient(),
                testbed.get().signaling(domain).base(),
                events,
                cancel,
                evil.sign(domain.signalingOrigin(), domain.signalingOrigin() + events, cancel));
    }

    // After all of it.

    @Test
    @Order(Integer.MAX_VALUE)
    void afterTheAttacksAllServersAreReadyAndACallStillConnects() throws IdentityException, SdpException {
        for (Domain domain : Domain.values()) {
            testbed.get().idp(domain).get("/q/health/ready", null).expect(200);
            testbed.get().signaling(domain).get("/q/health/ready", null).expect(200);
        }
        try (DeviceSocket aliceDevice = testbed.get().connect(alice);
                DeviceSocket perDevice = testbed.get().connect(per)) {
            aliceDevice.next("welcome");
            perDevice.next("welcome");
            String call = place(aliceDevice, per.identity(), aliceOffer);
            assertEquals("ringing", update(aliceDevice, call).path("state").asText());
            JsonNode ring = perDevice.next("incoming-call");
            assertEquals(call, ring.path("call").asText());
            assertEquals(alice.identity(), ring.path("from").asText(), ring.toString());
            assertTrue(ring.path("verified").asBoolean(), ring.toString());

            perDevice.send(message("accept")
                    .put("call", call)
                    .put("sdp", asserted(testbed.get(), per, ring.path("server").asText())));
            assertEquals("ack", perDevice.next("ack").path("type").asText());
            JsonNode accepted = update(aliceDevice, call);
            assertEquals("accepted", accepted.path("state").asText(), accepted.toString());
            IdentityVerifier verifier = new IdentityVerifier(testbed.get().sandbox(), DomainRule.STRICT);
            assertEquals(
                    per.identity(),
                    verifier.verify(
                                    SessionDescription.parse(
                                            accepted.path("sdp").asText()),
                                    SIG_A)
                            .orElseThrow()
                            .name());

            aliceDevice.send(message("hangup").put("call", call));
            assertEquals("ended", update(perDevice, call).path("state").asText());
        }
    }

    // Helpers.

    private static ApiClient.Response sendInvite(byte[] body, String signature) {
        return ForeignServer.post(
                testbed.get().httpClient(), testbed.get().signaling(Domain.B).base(), INVITES, body, signature);
    }

    /** {@code user}'s own device places a call to per with {@code offer}; per's server records why it never rang. */
    private static JsonNode placeRefusedCall(User caller, String offer) {
        try (DeviceSocket callerDevice = testbed.get().connect(caller);
                DeviceSocket perDevice = testbed.get().connect(per)) {
            callerDevice.next("welcome");
            perDevice.next("welcome");
            String call = place(callerDevice, per.identity(), offer);
            assertEquals(
                    "ringing",
                    update(callerDevice, call).path("state").asText(),
                    "the caller learns no more than for any call");
            JsonNode record = awaitIncoming(testbed.get(), per, call, DECISION);
            assertEquals("failed", record.path("state").asText(), record.toString());
            assertNoRing(perDevice);
            callerDevice.send(message("hangup").put("call", call));
            return record;
        }
    }

    /** Sends a {@code call} and returns the call id of the {@code call-placed} answer. */
    private static String place(DeviceSocket device, String to, String offer) {
        device.send(message("call").put("to", to).put("sdp", offer));
        return device.next("call-placed").path("call").asText();
    }

    /** The next {@code call-update} of {@code call}; updates of other calls (an earlier test's) are passed over. */
    private static JsonNode update(DeviceSocket device, String call) {
        return update(device, call, DeviceSocket.WAIT);
    }

    /** Like {@link #update(DeviceSocket, String)}, waiting at most {@code timeout} in all. */
    private static JsonNode update(DeviceSocket device, String call, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode update = device.next("call-update", Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (update.path("call").asText().equals(call)) {
                return update;
            }
        }
    }

    /** Fails if a {@code call-update} of {@code call} arrives within {@link #NO_RING}. */
    private static void assertNoUpdate(DeviceSocket device, String call) {
        JsonNode update;
        try {
            update = update(device, call, NO_RING);
        } catch (IllegalStateException none) {
            return;
        }
        throw new AssertionError("the call changed: " + update);
    }

    private static void assertNoRing(DeviceSocket device) {
        IllegalStateException none =
                assertThrows(IllegalStateException.class, () -> device.next("incoming-call", NO_RING));
        assertTrue(none.getMessage().startsWith("no incoming-call"), none.getMessage());
    }

    private static void assertRefused(int status, String error, ApiClient.Response response) {
        assertEquals(status, response.status(), response.request() + ": " + response.body());
        assertEquals(error, response.json().path("error").asText(), response.request() + ": " + response.body());
    }

    private static String identityOf(String sdp) {
        try {
            return SessionDescription.parse(sdp).identity().orElseThrow();
        } catch (SdpException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static IdentityAttribute decode(String attribute) {
        try {
            return IdentityAttribute.decode(attribute);
        } catch (IdentityException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
