package org.callsign.signaling.connect;

import static org.callsign.signaling.connect.HttpSignalingFixture.authorize;
import static org.callsign.signaling.connect.HttpSignalingFixture.connect;
import static org.callsign.signaling.connect.HttpSignalingFixture.connectBody;
import static org.callsign.signaling.connect.HttpSignalingFixture.decodeAnswer;
import static org.callsign.signaling.connect.HttpSignalingFixture.device;
import static org.callsign.signaling.connect.HttpSignalingFixture.encodeOffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.onvoid.webrtc.RTCIceCandidate;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.callsign.peer.WebRtcAvailable;
import org.callsign.peer.WebRtcPeer;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.connect.service.SessionDescriptionInit;
import org.callsign.signaling.signal.SignalingClient;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /connect} end to end with real WebRTC peers (webrtc-java): a device connected to {@code /ws} receives
 * the caller's offer, answers it with libwebrtc over its WebSocket, the caller applies the answer from the HTTP
 * response, DTLS completes and a data channel carries a message each way — which only works if the answer is a real
 * SDP whose fingerprint is the device's registered key.
 */
@QuarkusTest
@TestProfile(ConnectProfile.class)
public class ConnectEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void callerWithAnAuthorisedFingerprintTalksToTheDeviceOverItsCompleteAnswer() throws Exception {
        exchangeMessages(false);
    }

    @Test
    void candidatesTheDeviceTricklesAreFoldedIntoTheAnswer() throws Exception {
        String answer = exchangeMessages(true);
        assertTrue(answer.contains("a=candidate:"), answer);
    }

    /** Connects a caller to a device answering with or without trickle; returns the answer the caller got. */
    private String exchangeMessages(boolean trickle) throws Exception {
        WebRtcAvailable.assume("the /connect end-to-end test");
        String owner = TestClients.owner();
        String token = TestClients.token(owner);
        ExecutorService deviceThread = Executors.newSingleThreadExecutor();
        try (WebRtcPeer host = WebRtcPeer.answerer();
                WebRtcPeer caller = WebRtcPeer.caller()) {
            String hostFingerprint = host.fingerprint();
            String deviceId = device(owner, "webexec host", hostFingerprint);
            caller.offer();
            String offer = caller.completeLocalDescription(WAIT);
            String callerFingerprint = WebRtcPeer.fingerprintOf(offer);
            authorize(callerFingerprint);

            try (SignalingClient device = SignalingClient.connect(token, deviceId)) {
                Future<JsonNode> answered = deviceThread.submit(() -> answerOffer(device, host, trickle));
                ExtractableResponse<Response> response = connect(
                                connectBody(callerFingerprint, encodeOffer(offer), deviceId))
                        .extract();
                // The device's failure first, if any: it explains a failed response.
                JsonNode relayed = answered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertEquals(200, response.statusCode(), response.asString());
                assertTrue(response.contentType().startsWith("text/plain"), response.contentType());
                assertEquals("connect", relayed.path("from").path("kind").asText(), relayed.toString());
                assertEquals(
                        callerFingerprint,
                        relayed.path("from").path("fingerprint").asText(),
                        relayed.toString());

                SessionDescriptionInit answer = decodeAnswer(response.asString());
                assertEquals("answer", answer.type());
                assertEquals(hostFingerprint, WebRtcPeer.fingerprintOf(answer.sdp()));

                caller.accept(answer.sdp());
                caller.awaitConnected(WAIT);
                host.awaitConnected(WAIT);
                caller.send("hello from the caller", WAIT);
                assertEquals("hello from the caller", host.receive(WAIT));
                host.send("hello from the device", WAIT);
                assertEquals("hello from the device", caller.receive(WAIT));
                return answer.sdp();
            }
        } finally {
            deviceThread.shutdownNow();
        }
    }

    /**
     * The device's side, over its WebSocket: waits for the relayed offer and answers it with libwebrtc, either once
     * gathering is done (every candidate in the answer) or at once, trickling its candidates after it and ending them
     * with {@code candidate: null}. Returns the relayed offer.
     */
    public static JsonNode answerOffer(SignalingClient device, WebRtcPeer host, boolean trickle) throws Exception {
        JsonNode offer = device.await("offer");
        String session = offer.path("session").asText();
        if (!trickle) {
            host.answer(offer.path("sdp").asText());
            delivered(device.call(answer(session, host.completeLocalDescription(WAIT))));
            return offer;
        }
        BlockingQueue<RTCIceCandidate> gathered = new LinkedBlockingQueue<>();
        host.onCandidate(gathered::add);
        delivered(device.call(answer(session, host.answer(offer.path("sdp").asText()))));
        long deadline = System.nanoTime() + WAIT.toNanos();
        // libwebrtc hands over every candidate before it reports gathering complete.
        while (!(host.isGathered() && gathered.isEmpty())) {
            assertTrue(System.nanoTime() < deadline, "ICE gathering did not complete within " + WAIT);
            RTCIceCandidate candidate = gathered.poll(20, TimeUnit.MILLISECONDS);
            if (candidate != null) {
                ObjectNode message = SignalingClient.message("candidate").put("session", session);
                message.putObject("candidate")
                        .put("candidate", candidate.sdp)
                        .put("sdpMid", candidate.sdpMid)
                        .put("sdpMLineIndex", candidate.sdpMLineIndex);
                foldedOrTooLate(device.call(message));
            }
        }
        ObjectNode end = SignalingClient.message("candidate").put("session", session);
        foldedOrTooLate(device.call(end.putNull("candidate")));
        return offer;
    }

    private static ObjectNode answer(String session, String sdp) {
        return SignalingClient.message("answer").put("session", session).put("sdp", sdp);
    }

    private static void delivered(JsonNode answer) {
        assertEquals("ack", answer.path("type").asText(), answer.toString());
        assertEquals("delivered", answer.path("status").asText(), answer.toString());
    }

    /**
     * A trickled candidate is folded into the caller's answer, or, once the server gave the answer (the gather timeout
     * passed), refused as of a session that ended; the test asserts on what the caller got.
     */
    private static void foldedOrTooLate(JsonNode answer) {
        if (!"error".equals(answer.path("type").asText())) {
            delivered(answer);
        } else {
            assertEquals("unknown-session", answer.path("error").asText(), answer.toString());
        }
    }
}
