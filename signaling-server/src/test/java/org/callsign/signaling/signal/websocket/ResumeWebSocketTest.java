package org.callsign.signaling.signal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.callsign.signaling.signal.Await;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.callsign.signaling.signal.service.OnlineDevices;
import org.callsign.signaling.signal.service.SignalingService;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reconnecting: resuming with the held messages, what happens when a device does not come back, replacement. */
@QuarkusTest
class ResumeWebSocketTest {
    private static final String SESSION = "call-resume-01";

    @Inject
    MutableClock clock;

    @Inject
    SignalingService signaling;

    @Inject
    OnlineDevices online;

    private TwoDevices devices;
    private SignalingClient a;
    private SignalingClient b;

    @BeforeEach
    void aCallInProgress() {
        devices = TwoDevices.register("ws-resume");
        a = SignalingClient.connect(devices.token(), devices.laptop());
        b = SignalingClient.connect(devices.token(), devices.phone());
        a.next("peer-update");
        a.call(SignalingClient.message("offer")
                .put("to", devices.phone())
                .put("session", SESSION)
                .put("sdp", SdpFixtures.CHROMIUM_OFFER.sdp()));
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private String dropPhone() {
        String resume = b.welcome().path("resume").asText();
        b.drop();
        Await.dropped(online, devices.client(), devices.phone());
        return resume;
    }

    private JsonNode candidate(int n) {
        return a.call(SignalingClient.message("candidate")
                .put("session", SESSION)
                .set(
                        "candidate",
                        SignalingClient.object()
                                .put(
                                        "candidate",
                                        "candidate:" + n + " 1 udp 2122260223 192.0.2.1 5440" + n + " typ host")));
    }

    @Test
    void aResumingDeviceReceivesWhatWasHeldInOrder() {
        String resume = dropPhone();
        List<String> sent = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            JsonNode ack = candidate(n);
            assertEquals("queued", ack.path("status").asText());
            sent.add(ack.path("id").asText());
        }

        b = SignalingClient.open(
                        SignalingClient.uri("device=" + devices.phone() + "&resume=" + resume),
                        devices.token(),
                        List.of())
                .greeted();
        List<JsonNode> received = List.of(b.next("candidate"), b.next("candidate"), b.next("candidate"));

        assertTrue(b.welcome().path("resumed").asBoolean());
        assertEquals(sent, received.stream().map(c -> c.path("id").asText()).toList());
        assertEquals(SESSION, received.get(0).path("session").asText());
        a.expectNothing(Duration.ofMillis(100));
    }

    @Test
    void theSenderIsToldWhenTheTargetNeverCameBack() {
        dropPhone();
        String held = candidate(1).path("id").asText();

        clock.advance(Duration.ofSeconds(30));
        signaling.expire();

        List<JsonNode> others = new ArrayList<>();
        JsonNode error = a.await("error", others);
        assertEquals(held, error.path("id").asText());
        assertEquals("target-offline", error.path("error").asText());
        JsonNode bye = a.await("bye", others);
        assertEquals(SESSION, bye.path("session").asText());
        assertTrue(bye.path("from").isMissingNode(), "the server ended the session");
        assertFalse(a.await("peer-update", others).path("peer").path("online").asBoolean());
    }

    @Test
    void aFreshConnectionInsteadOfAResumeEndsTheCall() {
        dropPhone();
        String held = candidate(1).path("id").asText();

        b = SignalingClient.connect(devices.token(), devices.phone());
        assertFalse(b.welcome().path("resumed").asBoolean());

        List<JsonNode> others = new ArrayList<>();
        assertEquals(
                "the device reconnected", a.await("bye", others).path("reason").asText());
        assertEquals(held, a.await("error", others).path("id").asText());
    }

    @Test
    void aSecondConnectionOfTheDeviceReplacesTheFirstAndStartsAfresh() {
        try (SignalingClient again = SignalingClient.connect(devices.token(), devices.phone())) {

            assertEquals("replaced", b.await("error").path("error").asText());
            assertEquals(new SignalingClient.Closed(4409, "replaced"), b.awaitClose());
            assertEquals("the device reconnected", a.await("bye").path("reason").asText());
            a.call(SignalingClient.message("offer")
                    .put("to", devices.phone())
                    .put("session", "call-resume-02")
                    .put("sdp", SdpFixtures.CHROMIUM_OFFER.sdp()));
            assertEquals("call-resume-02", again.next("offer").path("session").asText());
        }
    }
}
