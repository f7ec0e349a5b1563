package org.callsign.signaling.signal.websocket;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.junit.jupiter.api.Test;

/** Devices of one client signaling each other over WebSocket: offers, answers, trickled candidates, byes, pings. */
@QuarkusTest
class SignalingWebSocketTest {

    private static JsonNode offer(SignalingClient from, String to, String session, SdpFixtures sdp) {
        return from.call(SignalingClient.message("offer")
                .put("to", to)
                .put("session", session)
                .put("sdp", sdp.sdp()));
    }

    private static JsonNode candidate(SignalingClient from, String session, String candidate) {
        var message = SignalingClient.message("candidate").put("session", session);
        if (candidate == null) {
            message.putNull("candidate");
        } else {
            message.putObject("candidate")
                    .put("candidate", candidate)
                    .put("sdpMid", "0")
                    .put("sdpMLineIndex", 0);
        }
        return from.call(message);
    }

    private static String address(JsonNode candidate) {
        return candidate.path("candidate").path("candidate").asText().split(" ")[4];
    }

    private static void acked(JsonNode answer) {
        assertEquals("ack", answer.path("type").asText(), answer.toString());
        assertEquals(1, answer.path("v").asInt());
        assertEquals("delivered", answer.path("status").asText());
    }

    @Test
    void twoDevicesExchangeAnOfferAnAnswerAndTheirCandidates() {
        TwoDevices devices = TwoDevices.register("ws-pair");
        try (SignalingClient a = SignalingClient.connect(devices.token(), devices.laptop());
                SignalingClient b = SignalingClient.connect(devices.token(), devices.phone())) {
            assertEquals(
                    devices.phone(),
                    a.next("peer-update").path("peer").path("id").asText());

            acked(offer(a, devices.phone(), "call-0001", SdpFixtures.CHROMIUM_OFFER));
            JsonNode offer = b.next("offer");
            assertEquals(devices.laptop(), offer.path("from").path("device").asText());
            assertEquals("Laptop", offer.path("from").path("name").asText());
            assertEquals(
                    SdpFixtures.CHROMIUM_OFFER.fingerprint(),
                    offer.path("from").path("fingerprint").asText());
            assertEquals("call-0001", offer.path("session").asText());
            assertEquals(SdpFixtures.CHROMIUM_OFFER.sdp(), offer.path("sdp").asText());

            acked(b.call(SignalingClient.message("answer")
                    .put("session", "call-0001")
                    .put("sdp", SdpFixtures.CHROMIUM_ANSWER.sdp())));
            JsonNode answer = a.next("answer");
            assertEquals(devices.phone(), answer.path("from").path("device").asText());
            assertEquals(SdpFixtures.CHROMIUM_ANSWER.sdp(), answer.path("sdp").asText());

            acked(candidate(a, "call-0001", "candidate:1 1 udp 2122260223 192.0.2.1 54400 typ host"));
            assertEquals("192.0.2.1", address(b.next("candidate")));
            acked(candidate(b, "call-0001", "candidate:2 1 udp 2122260223 192.0.2.2 54401 typ host"));
            acked(candidate(b, "call-0001", null));
            assertEquals("192.0.2.2", address(a.next("candidate")));
            JsonNode end = a.next("candidate");
            assertTrue(end.has("candidate") && end.path("candidate").isNull(), "the end of candidates: " + end);

            acked(a.call(
                    SignalingClient.message("bye").put("session", "call-0001").put("reason", "done")));
            JsonNode bye = b.next("bye");
            assertEquals(devices.laptop(), bye.path("from").path("device").asText());
            assertEquals("done", bye.path("reason").asText());
        }
    }

    @Test
    void threeDevicesReachOnlyTheDevicesTheyName() {
        TwoDevices devices = TwoDevices.register("ws-three");
        String server = TestClients.device(devices.client(), "Server", SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint());
        try (SignalingClient a = SignalingClient.connect(devices.token(), devices.laptop());
                SignalingClient b = SignalingClient.connect(devices.token(), devices.phone());
                SignalingClient c = SignalingClient.connect(devices.token(), server)) {
            a.await("peer-update");
            a.await("peer-update");
            b.await("peer-update");

            acked(offer(a, server, "a-to-c-0001", SdpFixtures.CHROMIUM_OFFER));
            acked(offer(b, server, "b-to-c-0001", SdpFixtures.CHROMIUM_ANSWER));
            acked(offer(c, devices.laptop(), "c-to-a-0001", SdpFixtures.WEBRTC_JAVA_OFFER));

            List<String> atServer = List.of(
                    c.await("offer").path("from").path("device").asText(),
                    c.await("offer").path("from").path("device").asText());
            assertEquals(List.of(devices.laptop(), devices.phone()), atServer);
            assertEquals(server, a.await("offer").path("from").path("device").asText());
            b.expectNothing(Duration.ofMillis(200));
        }
    }

    @Test
    void connectionsDevicesAndMessagesAreCountedInTheMetrics() {
        String client = TestClients.registerNew("ws-metrics");
        String laptop = TestClients.device(client, "Laptop", SdpFixtures.CHROMIUM_OFFER.fingerprint());
        try (SignalingClient a = SignalingClient.connect(TestClients.token(client), laptop)) {
            a.call(SignalingClient.message("ping"));
            a.sendText("{]");
            a.next("error");

            given().when()
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("callsign_signaling_connections "))
                    .body(containsString("callsign_signaling_devices_online "))
                    .body(containsString("callsign_signaling_messages_total{type=\"ping\"}"))
                    .body(containsString("callsign_signaling_refusals_total{error=\"malformed-json\"}"));
        }
    }

    @Test
    void aPingIsAnsweredWithAPongOfTheSameId() {
        String client = TestClients.registerNew("ws-ping");
        String laptop = TestClients.device(client, "Laptop", SdpFixtures.CHROMIUM_OFFER.fingerprint());
        try (SignalingClient a = SignalingClient.connect(TestClients.token(client), laptop)) {
            JsonNode welcome = a.welcome();
            assertEquals(laptop, welcome.path("device").path("id").asText());
            assertEquals(1, welcome.path("v").asInt());
            assertEquals(65536, welcome.path("limits").path("maxMessageBytes").asInt());

            JsonNode pong = a.call(SignalingClient.message("ping"));

            assertEquals("pong", pong.path("type").asText());
        }
    }

    @Test
    void answersComeInTheOrderOfTheMessagesWhenSomeAreHandedToAWorker() {
        TwoDevices devices = TwoDevices.register("ws-order");
        try (SignalingClient a = SignalingClient.connect(devices.token(), devices.laptop())) {
            a.welcome();
            // An offer to a device that is not online reads the store, so it leaves the event loop; a ping does not.
            List<String> sent = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                sent.add(a.send(SignalingClient.message("offer")
                                .put("to", devices.phone())
                                .put("session", "order-" + i + "-abcdef")
                                .put("sdp", SdpFixtures.CHROMIUM_OFFER.sdp()))
                        .path("id")
                        .asText());
                sent.add(a.send(SignalingClient.message("ping")).path("id").asText());
            }

            List<String> answered = new java.util.ArrayList<>();
            while (answered.size() < sent.size()) {
                JsonNode answer = a.next();
                String type = answer.path("type").asText();
                if (type.equals("error")) {
                    assertEquals("target-offline", answer.path("error").asText(), answer.toString());
                }
                if (type.equals("error") || type.equals("pong")) {
                    answered.add(answer.path("id").asText());
                }
            }
            assertEquals(sent, answered);
        }
    }
}
