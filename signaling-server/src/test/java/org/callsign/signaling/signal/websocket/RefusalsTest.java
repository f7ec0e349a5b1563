package org.callsign.signaling.signal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal of a relayed message is a typed error frame for its id; the connection goes on. */
@QuarkusTest
class RefusalsTest {
    private TwoDevices devices;
    private SignalingClient a;
    private SignalingClient b;

    @BeforeEach
    void twoDevicesOnline() {
        devices = TwoDevices.register("ws-refusals");
        a = SignalingClient.connect(devices.token(), devices.laptop());
        b = SignalingClient.connect(devices.token(), devices.phone());
        a.next("peer-update");
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private static ObjectNode offer(String to, String session, String sdp) {
        return SignalingClient.message("offer")
                .put("to", to)
                .put("session", session)
                .put("sdp", sdp);
    }

    /** Sends, expects an error of {@code error} for the message's id, and checks the connection still works. */
    private static JsonNode refused(SignalingClient from, ObjectNode message, String error) {
        JsonNode answer = from.call(message);
        assertEquals("error", answer.path("type").asText(), answer.toString());
        assertEquals(error, answer.path("error").asText(), answer.toString());
        assertEquals(
                "pong", from.call(SignalingClient.message("ping")).path("type").asText());
        return answer;
    }

    @Test
    void anUnknownDeviceIdIsAnUnknownTarget() {
        JsonNode error =
                refused(a, offer("NoSuchDevice0000", "call-0001", SdpFixtures.CHROMIUM_OFFER.sdp()), "unknown-target");
        assertEquals("call-0001", error.path("session").asText());
    }

    @Test
    void anotherClientsDeviceIsAnUnknownTargetEvenWhenOnline() {
        String other = TestClients.registerNew("ws-stranger");
        String stranger = TestClients.device(other, "Stranger", SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint());
        try (SignalingClient c = SignalingClient.connect(TestClients.token(other), stranger)) {

            refused(a, offer(stranger, "call-0002", SdpFixtures.CHROMIUM_OFFER.sdp()), "unknown-target");
            c.expectNothing(java.time.Duration.ofMillis(200));
        }
    }

    @Test
    void aRegisteredDeviceThatIsNotConnectedIsOffline() {
        String tablet = TestClients.device(devices.client(), "Tablet", SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint());
        a.next("peer-update");

        refused(a, offer(tablet, "call-0003", SdpFixtures.CHROMIUM_OFFER.sdp()), "target-offline");
    }

    @Test
    void anUnverifiedSenderAndAnUnverifiedTargetAreRefused() {
        TestClients.verify(devices.client(), devices.phone(), false);
        a.next("peer-update");
        b.next("peer-update");

        refused(a, offer(devices.phone(), "call-0004", SdpFixtures.CHROMIUM_OFFER.sdp()), "not-allowed");
        refused(b, offer(devices.laptop(), "call-0005", SdpFixtures.CHROMIUM_ANSWER.sdp()), "not-verified");
    }

    @Test
    void anOfferCarryingAnotherDevicesFingerprintIsRefused() {
        String masquerade = SdpFixtures.CHROMIUM_OFFER.withFingerprint(SdpFixtures.CHROMIUM_ANSWER.fingerprint());

        JsonNode error = refused(a, offer(devices.phone(), "call-0006", masquerade), "fingerprint-mismatch");

        assertTrue(error.path("message").asText().contains(SdpFixtures.CHROMIUM_ANSWER.fingerprint()));
        b.expectNothing(java.time.Duration.ofMillis(200));
    }

    @Test
    void aSessionOfOtherDevicesIsUnknown() {
        String tablet = TestClients.device(devices.client(), "Tablet", SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint());
        try (SignalingClient c = SignalingClient.connect(devices.token(), tablet)) {
            assertEquals(
                    "delivered",
                    a.call(offer(devices.phone(), "call-0007", SdpFixtures.CHROMIUM_OFFER.sdp()))
                            .path("status")
                            .asText());

            refused(
                    c,
                    SignalingClient.message("answer")
                            .put("session", "call-0007")
                            .put("sdp", SdpFixtures.WEBRTC_JAVA_OFFER.sdp()),
                    "unknown-session");
            refused(c, SignalingClient.message("bye").put("session", "never-opened"), "unknown-session");
        }
    }

    @Test
    void aMessageOverTheLimitIsTooLargeAndTheConnectionStaysOpen() {
        String huge = "v=0\r\n" + "a=x".repeat(25_000);

        a.send(offer(devices.phone(), "call-0008", huge));
        JsonNode error = a.next("error");

        assertEquals("too-large", error.path("error").asText());
        assertTrue(error.path("id").isMissingNode(), "the id of a message not read is unknown");
        assertEquals(
                "pong", a.call(SignalingClient.message("ping")).path("type").asText());
        b.expectNothing(java.time.Duration.ofMillis(200));
    }

    @Test
    void aMessagePastTheHardCapClosesOnlyItsConnection() {
        a.sendText("x".repeat(300_000));

        assertEquals("too-large", a.next("error").path("error").asText());
        assertEquals(new SignalingClient.Closed(4413, "too-large"), a.awaitClose());
        assertEquals(
                "pong", b.call(SignalingClient.message("ping")).path("type").asText());
    }

    @Test
    void aSenderCannotNameItself() {
        ObjectNode forged = offer(devices.phone(), "call-0009", SdpFixtures.CHROMIUM_OFFER.sdp());
        forged.putObject("from").put("device", devices.phone());

        JsonNode error = refused(a, forged, "invalid-message");

        assertEquals(
                "from is set by the server, never by the sender",
                error.path("message").asText());
        b.expectNothing(java.time.Duration.ofMillis(200));
    }

    @Test
    void aBinaryFrameIsRefused() {
        a.sendBinary(new byte[] {1, 2, 3});

        JsonNode error = a.next("error");

        assertEquals("invalid-message", error.path("error").asText());
        assertFalse(a.isClosed());
    }
}
