package org.callsign.signaling.whip;

import static org.callsign.signaling.TestClients.bearer;
import static org.callsign.signaling.connect.HttpSignalingFixture.device;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.onvoid.webrtc.RTCIceCandidate;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.connect.ConnectEndToEndTest;
import org.callsign.signaling.connect.ConnectProfile;
import org.callsign.signaling.connect.InProcessDevice;
import org.callsign.signaling.connect.WebRtcPeer;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.RelayedCandidate;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.SignalingService;
import org.junit.jupiter.api.Test;

/**
 * WHIP end to end with real WebRTC peers (webrtc-java): the client POSTs its offer without candidates, trickles them
 * with PATCH, and talks to the device over a data channel; DELETE tells the device bye. The device is attached
 * in-process, as in {@link ConnectEndToEndTest}.
 */
@QuarkusTest
@TestProfile(ConnectProfile.class)
class WhipEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    SignalingService signaling;

    @Test
    void whipClientTricklesItsCandidatesAndTalksToTheDevice() throws Exception {
        String client = TestClients.registerNew("whip-e2e");
        String token = TestClients.token(client);
        List<RTCIceCandidate> gathered = new CopyOnWriteArrayList<>();
        try (WebRtcPeer host = WebRtcPeer.answerer();
                WebRtcPeer caller = WebRtcPeer.caller().onCandidate(gathered::add)) {
            String deviceId = device(client, "studio", host.fingerprint());
            try (InProcessDevice device = InProcessDevice.connect(signaling, client, deviceId)) {
                device.onMessage(message -> serve(device, host, message));
                String offer = caller.offer();

                ExtractableResponse<Response> created = bearer(token)
                        .contentType("application/sdp")
                        .body(utf8(offer))
                        .post("/whip/" + deviceId)
                        .then()
                        .statusCode(201)
                        .extract();
                caller.accept(created.asString());
                caller.completeLocalDescription(WAIT);
                bearer(token)
                        .contentType("application/trickle-ice-sdpfrag")
                        .header("If-Match", created.header("ETag"))
                        .body(utf8(fragment(gathered)))
                        .patch(created.header("Location"))
                        .then()
                        .statusCode(204);

                caller.awaitConnected(WAIT);
                host.awaitConnected(WAIT);
                caller.send("frame 1", WAIT);
                assertEquals("frame 1", host.receive(WAIT));
                host.send("ack 1", WAIT);
                assertEquals("ack 1", caller.receive(WAIT));

                bearer(token).delete(created.header("Location")).then().statusCode(200);
                assertEquals(
                        "the WHIP client ended the session",
                        device.await(RelayedBye.class, WAIT).reason());
            }
        }
    }

    /** The device: answers offers as {@code /connect}'s device does, and applies the client's trickled candidates. */
    private static void serve(InProcessDevice device, WebRtcPeer host, ServerMessage message) {
        if (message instanceof RelayedCandidate relayed && relayed.candidate() != null) {
            Integer index = relayed.candidate().sdpMLineIndex();
            host.addCandidate(
                    relayed.candidate().sdpMid(),
                    index == null ? 0 : index,
                    relayed.candidate().candidate());
        } else {
            ConnectEndToEndTest.answerOffers(device, host, message, false);
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
