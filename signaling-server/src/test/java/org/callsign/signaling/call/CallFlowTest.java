package org.callsign.signaling.call;

import static org.callsign.signaling.TestClients.bearer;
import static org.callsign.signaling.call.CallFixture.place;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Optional;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.signaling.FederationProfile;
import org.callsign.signaling.call.CallFixture.Person;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls between two people of this server over their devices' WebSockets: discovery through WebFinger names this
 * server, so the invite stays in the process but takes every step a federated one does — identity verified for this
 * server's origin, the filter, ringing, accept, candidates, hang-up — and both keep a history.
 */
@QuarkusTest
@TestProfile(FederationProfile.class)
class CallFlowTest {

    private static final Duration RING = Duration.ofSeconds(3);

    private static CallFixture fixture;

    @BeforeAll
    static void fixture() {
        fixture = new CallFixture();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void aCallRingsIsAcceptedAndBothVerifyEachOther() throws Exception {
        Person alice = fixture.person("alice", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("per", SdpFixtures.CHROMIUM_ANSWER);
        try (SignalingClient aliceDevice = alice.connect();
                SignalingClient perDevice = per.connect()) {
            String offer = fixture.asserted(alice, FederationProfile.ORIGIN);
            String call = place(aliceDevice, per.identity(), offer);
            assertEquals(
                    "ringing", aliceDevice.await("call-update").path("state").asText());

            JsonNode ring = perDevice.await("incoming-call");
            assertEquals(call, ring.path("call").asText());
            assertEquals(alice.identity(), ring.path("from").asText());
            assertTrue(ring.path("verified").asBoolean());
            assertEquals(FederationProfile.ORIGIN, ring.path("server").asText());
            VerifiedIdentity caller = verify(ring.path("sdp").asText());
            assertEquals(alice.identity(), caller.name(), "per's device verifies alice itself");

            String answer = fixture.asserted(per, ring.path("server").asText());
            ObjectNode accept =
                    SignalingClient.message("accept").put("call", call).put("sdp", answer);
            assertEquals("ack", perDevice.call(accept).path("type").asText());

            JsonNode accepted = aliceDevice.await("call-update");
            assertEquals("accepted", accepted.path("state").asText());
            assertEquals(per.identity(), verify(accepted.path("sdp").asText()).name(), "alice verifies per");

            ObjectNode candidate = SignalingClient.message("call-candidate").put("call", call);
            candidate
                    .putObject("candidate")
                    .put("candidate", "candidate:1 1 udp 2122260223 192.0.2.7 50000 typ host")
                    .put("sdpMid", "0");
            assertEquals("ack", perDevice.call(candidate).path("type").asText());
            JsonNode relayed = aliceDevice.await("call-candidate");
            assertEquals("0", relayed.path("candidate").path("sdpMid").asText());

            assertEquals(
                    "ack",
                    aliceDevice
                            .call(SignalingClient.message("hangup").put("call", call))
                            .path("type")
                            .asText());
            JsonNode ended = perDevice.await("call-update");
            assertEquals("ended", ended.path("state").asText());
        }
        bearer(alice.token())
                .when()
                .get("/api/calls")
                .then()
                .statusCode(200)
                .body("calls", hasSize(1))
                .body("calls[0].direction", equalTo("outgoing"))
                .body("calls[0].peer", equalTo(per.identity()))
                .body("calls[0].state", equalTo("ended"));
        bearer(per.token())
                .when()
                .get("/api/calls")
                .then()
                .statusCode(200)
                .body("calls[0].direction", equalTo("incoming"))
                .body("calls[0].peer", equalTo(alice.identity()))
                .body("calls[0].verified", equalTo(true))
                .body("calls[0].state", equalTo("ended"));
    }

    @Test
    void anOfferWithoutIdentityNeverRingsAndEndsUnavailable() throws Exception {
        Person alice = fixture.person("anonymous", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("guarded", SdpFixtures.CHROMIUM_ANSWER);
        try (SignalingClient aliceDevice = alice.connect();
                SignalingClient perDevice = per.connect()) {
            String call = place(aliceDevice, per.identity(), alice.sdp());
            assertEquals(
                    "ringing", aliceDevice.await("call-update").path("state").asText());
            perDevice.expectNothing(RING.minusMillis(500));
            JsonNode end = aliceDevice.await("call-update");
            assertEquals("unavailable", end.path("state").asText());
            assertEquals(call, end.path("call").asText());
        }
        bearer(per.token())
                .when()
                .get("/api/calls")
                .then()
                .statusCode(200)
                .body("calls[0].state", equalTo("failed"))
                .body("calls[0].reason", equalTo("refused:identity-missing"));
    }

    @Test
    void aCallToNobodyLooksLikeAnUnansweredOne() throws Exception {
        Person alice = fixture.person("lonely", SdpFixtures.CHROMIUM_OFFER);
        try (SignalingClient aliceDevice = alice.connect()) {
            String offer = fixture.asserted(alice, FederationProfile.ORIGIN);
            place(aliceDevice, "nobody-here@idp-a.test", offer);
            assertEquals(
                    "ringing", aliceDevice.await("call-update").path("state").asText());
            long start = System.nanoTime();
            assertEquals(
                    "unavailable",
                    aliceDevice.await("call-update").path("state").asText());
            assertTrue(
                    Duration.ofNanos(System.nanoTime() - start).compareTo(RING.minusSeconds(1)) > 0,
                    "unavailable comes only when the ring timeout ends");
        }
    }

    @Test
    void aDeclineIsConcealedUnlessRevealed() throws Exception {
        Person alice = fixture.person("caller", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("decliner", SdpFixtures.CHROMIUM_ANSWER);
        try (SignalingClient aliceDevice = alice.connect();
                SignalingClient perDevice = per.connect()) {
            String offer = fixture.asserted(alice, FederationProfile.ORIGIN);
            String first = place(aliceDevice, per.identity(), offer);
            aliceDevice.await("call-update");
            perDevice.await("incoming-call");
            perDevice.call(SignalingClient.message("decline").put("call", first));
            aliceDevice.expectNothing(RING.minusMillis(1000));
            assertEquals(
                    "unavailable",
                    aliceDevice.await("call-update").path("state").asText());

            String second = place(aliceDevice, per.identity(), offer);
            aliceDevice.await("call-update");
            perDevice.await("incoming-call");
            perDevice.call(SignalingClient.message("decline")
                    .put("call", second)
                    .put("reason", "busy")
                    .put("reveal", true));
            JsonNode busy = aliceDevice.await("call-update");
            assertEquals("busy", busy.path("state").asText());
            assertEquals(second, busy.path("call").asText());
        }
    }

    @Test
    void theCallerCancelsARingingCall() throws Exception {
        Person alice = fixture.person("impatient", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("slow", SdpFixtures.CHROMIUM_ANSWER);
        try (SignalingClient aliceDevice = alice.connect();
                SignalingClient perDevice = per.connect()) {
            String call = place(aliceDevice, per.identity(), fixture.asserted(alice, FederationProfile.ORIGIN));
            aliceDevice.await("call-update");
            perDevice.await("incoming-call");
            aliceDevice.call(SignalingClient.message("hangup").put("call", call));
            assertEquals(
                    "cancelled", aliceDevice.await("call-update").path("state").asText());
            assertEquals(
                    "cancelled", perDevice.await("call-update").path("state").asText());
            JsonNode late = perDevice.call(SignalingClient.message("accept")
                    .put("call", call)
                    .put("sdp", fixture.asserted(per, FederationProfile.ORIGIN)));
            assertEquals("unknown-call", late.path("error").asText());
        }
    }

    @Test
    void aCallerCannotOfferAnotherDevicesFingerprint() throws Exception {
        Person alice = fixture.person("masked", SdpFixtures.CHROMIUM_OFFER);
        try (SignalingClient aliceDevice = alice.connect()) {
            ObjectNode call = SignalingClient.message("call")
                    .put("to", "someone@idp-a.test")
                    .put("sdp", SdpFixtures.CHROMIUM_OFFER.sdp());
            assertEquals(
                    "fingerprint-mismatch", aliceDevice.call(call).path("error").asText());
        }
    }

    @Test
    void lookupNamesTheServerOfAnIdentity() throws Exception {
        Person alice = fixture.person("looker", SdpFixtures.CHROMIUM_OFFER);
        bearer(alice.token())
                .queryParam("identity", "per@idp-a.test")
                .when()
                .get("/api/lookup")
                .then()
                .statusCode(200)
                .body("server", equalTo(FederationProfile.ORIGIN))
                .body("via", equalTo("webfinger"));
        bearer(alice.token())
                .queryParam("identity", "not an identity")
                .when()
                .get("/api/lookup")
                .then()
                .statusCode(400);
    }

    private static VerifiedIdentity verify(String sdp) throws Exception {
        Optional<VerifiedIdentity> verified = new IdentityVerifier(fixture.sandbox(), DomainRule.STRICT)
                .verify(SessionDescription.parse(sdp), FederationProfile.ORIGIN);
        assertTrue(verified.isPresent(), "the SDP carries an identity");
        return verified.get();
    }
}
