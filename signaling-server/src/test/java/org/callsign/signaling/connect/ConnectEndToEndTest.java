package org.callsign.signaling.connect;

import static org.callsign.signaling.connect.HttpSignalingFixture.authorize;
import static org.callsign.signaling.connect.HttpSignalingFixture.connect;
import static org.callsign.signaling.connect.HttpSignalingFixture.connectBody;
import static org.callsign.signaling.connect.HttpSignalingFixture.decodeAnswer;
import static org.callsign.signaling.connect.HttpSignalingFixture.device;
import static org.callsign.signaling.connect.HttpSignalingFixture.encodeOffer;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.onvoid.webrtc.RTCIceCandidate;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.connect.service.SessionDescriptionInit;
import org.callsign.signaling.signal.message.Answer;
import org.callsign.signaling.signal.message.Candidate;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.message.RelayedOffer;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.SignalingService;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /connect} end to end with real WebRTC peers (webrtc-java): a device online on this server answers with
 * libwebrtc, the caller applies the answer from the HTTP response, DTLS completes and a data channel carries a message
 * each way — which only works if the answer is a real SDP whose fingerprint is the device's registered key. The
 * device is attached in-process through {@link SignalingService}, as the WebSocket endpoint attaches one.
 */
@QuarkusTest
@TestProfile(ConnectProfile.class)
public class ConnectEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    SignalingService signaling;

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
        String owner = TestClients.owner();
        try (WebRtcPeer host = WebRtcPeer.answerer();
                WebRtcPeer caller = WebRtcPeer.caller()) {
            String hostFingerprint = host.fingerprint();
            String deviceId = device(owner, "webexec host", hostFingerprint);
            try (InProcessDevice device = InProcessDevice.connect(signaling, owner, deviceId)) {
                device.onMessage(message -> answerOffers(device, host, message, trickle));
                caller.offer();
                String offer = caller.completeLocalDescription(WAIT);
                String callerFingerprint = WebRtcPeer.fingerprintOf(offer);
                authorize(callerFingerprint);

                String body = connect(connectBody(callerFingerprint, encodeOffer(offer), deviceId))
                        .statusCode(200)
                        .contentType(startsWith("text/plain"))
                        .extract()
                        .asString();
                SessionDescriptionInit answer = decodeAnswer(body);
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
        }
    }

    private static void trickle(InProcessDevice device, String session, RTCIceCandidate candidate) {
        try {
            device.send(new Candidate(
                    ServerMessage.VERSION,
                    "c-" + candidate.sdp.hashCode(),
                    session,
                    new IceCandidate(candidate.sdp, candidate.sdpMid, candidate.sdpMLineIndex, null)));
        } catch (RuntimeException e) {
            // A candidate after the answer was given: refused, and the test asserts on what the caller got.
        }
    }

    /** The device's side: answer each offer with libwebrtc, complete or trickling its candidates after. */
    public static void answerOffers(InProcessDevice device, WebRtcPeer host, ServerMessage message, boolean trickle) {
        if (!(message instanceof RelayedOffer offer)) {
            return;
        }
        try {
            String session = offer.session();
            if (trickle) {
                host.onCandidate(candidate -> trickle(device, session, candidate));
                String answer = host.answer(offer.sdp());
                device.send(new Answer(ServerMessage.VERSION, "answer-1", session, answer));
                host.completeLocalDescription(WAIT);
                device.send(new Candidate(ServerMessage.VERSION, "end-1", session, null));
            } else {
                host.answer(offer.sdp());
                String complete = host.completeLocalDescription(WAIT);
                device.send(new Answer(ServerMessage.VERSION, "answer-1", session, complete));
            }
        } catch (Exception e) {
            throw new IllegalStateException("the test device could not answer", e);
        }
    }
}
