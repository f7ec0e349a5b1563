package org.callsign.signaling.call;

import static org.callsign.signaling.TestClients.bearer;
import static org.callsign.signaling.call.CallFixture.awaitEnd;
import static org.callsign.signaling.call.CallFixture.place;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.callsign.signaling.FederationProfile;
import org.callsign.signaling.call.CallFixture.Person;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.signal.Await;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.service.OnlineDevices;
import org.callsign.signaling.signal.service.SignalingService;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A call whose device is gone for good ends on both sides: the device left and did not come back within its resume
 * window, or was removed. Its own history says {@code device-offline}; the other side hears a hang-up or a cancel. The
 * tests move the servers' clock past the resume window and take the expired devices offline at once.
 */
@QuarkusTest
@TestProfile(FederationProfile.class)
class CallsOfLostDevicesTest {

    private static CallFixture fixture;

    @Inject
    MutableClock clock;

    @Inject
    SignalingService signaling;

    @Inject
    OnlineDevices online;

    @Inject
    SignalingConfig config;

    @BeforeAll
    static void fixture() {
        fixture = new CallFixture();
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Test
    void anAnsweredCallEndsWhenTheCalleesDeviceDoesNotComeBack() throws Exception {
        Person alice = fixture.person("stayer", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("leaver", SdpFixtures.CHROMIUM_ANSWER);
        try (SignalingClient aliceDevice = alice.connect()) {
            String call;
            try (SignalingClient perDevice = per.connect()) {
                call = answered(aliceDevice, perDevice, alice, per);
                perDevice.drop();
            }
            goneForGood(per);
            assertHungUp(aliceDevice, call);
        }
        history(per, "ended", "device-offline");
        history(alice, "ended", "hung-up");
    }

    @Test
    void aRingingCallIsCancelledWhenTheCallersDeviceDoesNotComeBack() throws Exception {
        Person alice = fixture.person("dropper", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("ringee", SdpFixtures.CHROMIUM_ANSWER);
        try (SignalingClient perDevice = per.connect()) {
            String call;
            try (SignalingClient aliceDevice = alice.connect()) {
                call = ringing(aliceDevice, perDevice, alice, per).path("call").asText();
                aliceDevice.drop();
            }
            goneForGood(alice);
            JsonNode end = awaitEnd(perDevice, call);
            assertEquals("cancelled", end.path("state").asText());
        }
        history(alice, "cancelled", "device-offline");
        history(per, "cancelled", null);
    }

    @Test
    void anAnsweredCallEndsWhenTheCallersDeviceIsRemoved() throws Exception {
        Person alice = fixture.person("removed", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("remaining", SdpFixtures.CHROMIUM_ANSWER);
        try (SignalingClient aliceDevice = alice.connect();
                SignalingClient perDevice = per.connect()) {
            String call = answered(aliceDevice, perDevice, alice, per);
            bearer(alice.token())
                    .when()
                    .delete("/api/devices/" + alice.deviceId())
                    .then()
                    .statusCode(204);
            assertHungUp(perDevice, call);
        }
        history(alice, "ended", "device-offline");
        history(per, "ended", "hung-up");
    }

    @Test
    void aDeviceThatComesBackInTimeKeepsItsCall() throws Exception {
        Person alice = fixture.person("patient", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("flaky", SdpFixtures.CHROMIUM_ANSWER);
        try (SignalingClient aliceDevice = alice.connect()) {
            String call;
            String resume;
            try (SignalingClient perDevice = per.connect()) {
                resume = perDevice.welcome().path("resume").asText();
                call = answered(aliceDevice, perDevice, alice, per);
                perDevice.drop();
                Await.dropped(online, per.clientId(), per.deviceId());
            }
            try (SignalingClient back = SignalingClient.open(
                            SignalingClient.uri("device=" + per.deviceId() + "&resume=" + resume),
                            per.token(),
                            List.of())
                    .greeted()) {
                assertTrue(back.welcome().path("resumed").asBoolean());
                clock.advance(pastTheResumeWindow());
                signaling.expire();
                aliceDevice.expectNothing(Duration.ofMillis(500));
                assertEquals(
                        "ack",
                        back.call(SignalingClient.message("hangup").put("call", call))
                                .path("type")
                                .asText());
            }
            assertEquals("ended", awaitEnd(aliceDevice, call).path("state").asText());
        }
        history(per, "ended", "hung-up");
    }

    /** The call ends for {@code device} as one the other side hung up. */
    private static void assertHungUp(SignalingClient device, String call) {
        JsonNode end = awaitEnd(device, call);
        assertEquals("ended", end.path("state").asText());
        assertEquals("hung-up", end.path("reason").asText());
    }

    /** Waits until the server noticed that the person's device left, then takes it past its resume window. */
    private void goneForGood(Person person) {
        Await.dropped(online, person.clientId(), person.deviceId());
        clock.advance(pastTheResumeWindow());
        signaling.expire(); // or the server's own look at expired devices, every second, does it first
        Await.until("the device is offline", () -> online.line(person.clientId(), person.deviceId())
                .isEmpty());
    }

    /** A moment past the servers' resume window. */
    private Duration pastTheResumeWindow() {
        return config.websocket().resumeWindow().plusSeconds(1);
    }

    /** alice calls per, and it rings on per's device; returns the {@code incoming-call}. */
    private static JsonNode ringing(SignalingClient aliceDevice, SignalingClient perDevice, Person alice, Person per)
            throws Exception {
        String call = place(aliceDevice, per.identity(), fixture.asserted(alice, FederationProfile.ORIGIN));
        assertEquals("ringing", aliceDevice.await("call-update").path("state").asText());
        JsonNode ring = perDevice.await("incoming-call");
        assertEquals(call, ring.path("call").asText());
        return ring;
    }

    /** alice calls per, per's device accepts; returns the call. */
    private static String answered(SignalingClient aliceDevice, SignalingClient perDevice, Person alice, Person per)
            throws Exception {
        JsonNode ring = ringing(aliceDevice, perDevice, alice, per);
        String call = ring.path("call").asText();
        String answer = fixture.asserted(per, ring.path("server").asText());
        assertEquals(
                "ack",
                perDevice
                        .call(SignalingClient.message("accept")
                                .put("call", call)
                                .put("sdp", answer))
                        .path("type")
                        .asText());
        assertEquals("accepted", aliceDevice.await("call-update").path("state").asText());
        return call;
    }

    private static void history(Person person, String state, String reason) {
        bearer(person.token())
                .when()
                .get("/api/calls")
                .then()
                .statusCode(200)
                .body("calls[0].state", equalTo(state))
                .body("calls[0].reason", equalTo(reason));
    }
}
