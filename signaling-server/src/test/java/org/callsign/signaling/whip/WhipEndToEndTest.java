package org.callsign.signaling.whip;

import static org.callsign.signaling.TestClients.bearer;
import static org.callsign.signaling.connect.HttpSignalingFixture.device;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.onvoid.webrtc.RTCIceCandidate;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.callsign.peer.WebRtcAvailable;
import org.callsign.peer.WebRtcPeer;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.connect.ConnectEndToEndTest;
import org.callsign.signaling.connect.ConnectProfile;
import org.callsign.signaling.signal.SignalingClient;
import org.junit.jupiter.api.Test;

/**
 * WHIP end to end with real WebRTC peers (webrtc-java): the client POSTs its offer without candidates, trickles them
 * with PATCH, and talks to the device over a data channel; DELETE tells the device bye. The device is connected to
 * {@code /ws} and answers over its WebSocket, as in {@link ConnectEndToEndTest}.
 */
@QuarkusTest
@TestProfile(ConnectProfile.class)
class WhipEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void whipClientTricklesItsCandidatesAndTalksToTheDevice() throws Exception {
        WebRtcAvailable.assume("the WHIP end-to-end test");
        String client = TestClients.registerNew("whip-e2e");
        String token = TestClients.token(client);
        List<RTCIceCandidate> gathered = new CopyOnWriteArrayList<>();
        ExecutorService deviceThread = Executors.newSingleThreadExecutor();
        try (WebRtcPeer host = WebRtcPeer.answerer();
                WebRtcPeer caller = WebRtcPeer.caller().onCandidate(gathered::add)) {
            String deviceId = device(client, "studio", host.fingerprint());
            try (SignalingClient device = SignalingClient.connect(token, deviceId)) {
                String offer = caller.offer();
                Future<Integer> served = deviceThread.submit(() -> serve(device, host));

                ExtractableResponse<Response> created = bearer(token)
                        .contentType("application/sdp")
                        .body(utf8(offer))
                        .post("/whip/" + deviceId)
                        .then()
                        .extract();
                if (created.statusCode() != 201) {
                    served.get(WAIT.toMillis(), TimeUnit.MILLISECONDS); // the device's failure, if it explains this
                }
                assertEquals(201, created.statusCode(), created.asString());
                caller.accept(created.asString());
                caller.completeLocalDescription(WAIT);
                bearer(token)
                        .contentType("application/trickle-ice-sdpfrag")
                        .header("If-Match", created.header("ETag"))
                        .body(utf8(fragment(gathered)))
                        .patch(created.header("Location"))
                        .then()
                        .statusCode(204);
                assertEquals(gathered.size(), served.get(WAIT.toMillis(), TimeUnit.MILLISECONDS), "candidates relayed");

                caller.awaitConnected(WAIT);
                host.awaitConnected(WAIT);
                caller.send("frame 1", WAIT);
                assertEquals("frame 1", host.receive(WAIT));
                host.send("ack 1", WAIT);
                assertEquals("ack 1", caller.receive(WAIT));

                bearer(token).delete(created.header("Location")).then().statusCode(200);
                JsonNode bye = device.await("bye");
                assertEquals(
                        "the WHIP client ended the session", bye.path("reason").asText(), bye.toString());
                assertEquals("whip", bye.path("from").path("kind").asText(), bye.toString());
            }
        } finally {
            deviceThread.shutdownNow();
        }
    }

    /**
     * The device, over its WebSocket: answers the offer as {@code /connect}'s device does, then applies the client's
     * trickled candidates until their end; returns how many it applied.
     */
    private static int serve(SignalingClient device, WebRtcPeer host) throws Exception {
        JsonNode offer = ConnectEndToEndTest.answerOffer(device, host, false);
        assertEquals("whip", offer.path("from").path("kind").asText(), offer.toString());
        int applied = 0;
        while (true) {
            JsonNode relayed = device.await("candidate");
            JsonNode candidate = relayed.path("candidate");
            if (candidate.isNull()) {
                return applied;
            }
            host.addCandidate(
                    candidate.path("sdpMid").asText(),
                    candidate.path("sdpMLineIndex").asInt(0),
                    candidate.path("candidate").asText());
            applied++;
        }
    }

    /** An RFC 8840 fragment of the gathered candidates, with the end of candidates. */
    private static String fragment(List<RTCIceCandidate> candidates) {
        StringBuilder out = new StringBuilder();
        String mid = null;
        for (RTCIceCandidate candidate : candidates) {
            if (!candidate.sdpMid.equals(mid)) {
                mid = candidate.sdpMid;
                out.append("a=mid:").append(mid).append("\r\n");
            }
            out.append("a=").append(candidate.sdp).append("\r\n");
        }
        return out.append("a=end-of-candidates\r\n").toString();
    }

    /** The bytes of a text body: REST Assured encodes only the media types it knows. */
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
