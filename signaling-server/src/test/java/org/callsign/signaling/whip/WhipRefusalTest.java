package org.callsign.signaling.whip;

import static io.restassured.RestAssured.given;
import static org.callsign.signaling.TestClients.bearer;
import static org.callsign.signaling.connect.HttpSignalingFixture.chromiumOffer;
import static org.callsign.signaling.connect.HttpSignalingFixture.device;
import static org.callsign.signaling.connect.HttpSignalingFixture.randomFingerprint;
import static org.callsign.signaling.connect.HttpSignalingFixture.withFingerprint;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.connect.ConnectProfile;
import org.callsign.signaling.connect.InProcessDevice;
import org.callsign.signaling.signal.message.Answer;
import org.callsign.signaling.signal.message.Bye;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.RelayedCandidate;
import org.callsign.signaling.signal.message.RelayedOffer;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.SignalingService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WHIP's resource rules and refusals, with a device that answers every offer with a recorded SDP carrying its
 * registered fingerprint; no WebRTC stack needed.
 */
@QuarkusTest
@TestProfile(ConnectProfile.class)
class WhipRefusalTest {

    private static final String SDP = "application/sdp";
    private static final String SDPFRAG = "application/trickle-ice-sdpfrag";
    private static final String CANDIDATE = "a=candidate:1 1 udp 2122260223 192.0.2.1 61764 typ host\r\n";

    @Inject
    SignalingService signaling;

    private String client;
    private String token;
    private String deviceFingerprint;
    private String deviceId;

    @BeforeEach
    void clientWithADevice() {
        client = TestClients.registerNew("whip");
        token = TestClients.token(client);
        deviceFingerprint = randomFingerprint();
        deviceId = device(client, "studio", deviceFingerprint);
    }

    @Test
    void publishesToTheDeviceAndRelaysTrickleAndTheEnd() throws Exception {
        try (InProcessDevice device = answering()) {
            ExtractableResponse<Response> created = publish()
                    .then()
                    .statusCode(201)
                    .contentType(startsWith(SDP))
                    .header("Location", matchesPattern("/whip/sessions/[A-Za-z0-9_-]{43}"))
                    .header("ETag", matchesPattern("\"[A-Za-z0-9_-]+\""))
                    .extract();
            assertEquals(withFingerprint(chromiumOffer(), deviceFingerprint), created.asString());
            RelayedOffer offer = device.await(RelayedOffer.class, Duration.ofSeconds(1));
            assertEquals("whip", offer.from().kind());

            String location = created.header("Location");
            bearer(token)
                    .contentType(SDPFRAG)
                    .header("If-Match", created.header("ETag"))
                    .body(utf8("a=ice-ufrag:PgH+\r\na=mid:0\r\n" + CANDIDATE + "a=end-of-candidates\r\n"))
                    .patch(location)
                    .then()
                    .statusCode(204);
            RelayedCandidate candidate = device.await(RelayedCandidate.class, Duration.ofSeconds(1));
            assertEquals(
                    "candidate:1 1 udp 2122260223 192.0.2.1 61764 typ host",
                    candidate.candidate().candidate());
            assertEquals("0", candidate.candidate().sdpMid());
            assertEquals(
                    null,
                    device.await(RelayedCandidate.class, Duration.ofSeconds(1)).candidate());

            bearer(token).delete(location).then().statusCode(200);
            assertEquals(
                    offer.session(),
                    device.await(RelayedBye.class, Duration.ofSeconds(1)).session());
            bearer(token).delete(location).then().statusCode(404).body("error", equalTo("not-found"));
        }
    }

    @Test
    void refusesAnotherContentType() {
        bearer(token)
                .contentType("application/json")
                .body("{}")
                .post("/whip/" + deviceId)
                .then()
                .statusCode(415)
                .body("error", equalTo("unsupported-media-type"));
    }

    @Test
    void refusesAFragmentOfAnotherContentType() throws Exception {
        try (InProcessDevice device = answering()) {
            String location = publish().then().statusCode(201).extract().header("Location");
            bearer(token)
                    .contentType("text/plain")
                    .body(utf8(CANDIDATE))
                    .patch(location)
                    .then()
                    .statusCode(415);
        }
    }

    @Test
    void unknownSessionIsNotFound() {
        bearer(token)
                .contentType(SDPFRAG)
                .body(utf8(CANDIDATE))
                .patch("/whip/sessions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                .then()
                .statusCode(404)
                .body("error", equalTo("not-found"));
    }

    @Test
    void refusesAStaleEntityTag() throws Exception {
        try (InProcessDevice device = answering()) {
            String location = publish().then().statusCode(201).extract().header("Location");
            bearer(token)
                    .contentType(SDPFRAG)
                    .header("If-Match", "\"not-the-tag\"")
                    .body(utf8(CANDIDATE))
                    .patch(location)
                    .then()
                    .statusCode(412)
                    .body("error", equalTo("precondition-failed"));
        }
    }

    @Test
    void refusesAnIceRestart() throws Exception {
        try (InProcessDevice device = answering()) {
            String location = publish().then().statusCode(201).extract().header("Location");
            bearer(token)
                    .contentType(SDPFRAG)
                    .body(utf8("a=ice-ufrag:newU\r\na=ice-pwd:aaaaaaaaaaaaaaaaaaaaaaaa\r\n"))
                    .patch(location)
                    .then()
                    .statusCode(422)
                    .body("error", equalTo("ice-restart-unsupported"));
        }
    }

    @Test
    void anotherClientCannotTouchTheSession() throws Exception {
        try (InProcessDevice device = answering()) {
            String location = publish().then().statusCode(201).extract().header("Location");
            String other = TestClients.token(TestClients.registerNew("whip-other"));
            bearer(other).delete(location).then().statusCode(404);
            given().delete(location).then().statusCode(401).body("error", equalTo("not-authenticated"));
            bearer(token).delete(location).then().statusCode(200);
        }
    }

    @Test
    void sessionEndedByTheDeviceIsGone() throws Exception {
        try (InProcessDevice device = answering()) {
            String location = publish().then().statusCode(201).extract().header("Location");
            RelayedOffer offer = device.await(RelayedOffer.class, Duration.ofSeconds(1));
            device.send(new Bye(ServerMessage.VERSION, "bye-1", offer.session(), "done"));
            bearer(token).delete(location).then().statusCode(404);
        }
    }

    @Test
    void refusesWithoutCredentialsOrAuthorisedFingerprint() {
        given().contentType(SDP)
                .body(utf8(chromiumOffer().replace("91:29:35", "91:29:36")))
                .post("/whip/" + deviceId)
                .then()
                .statusCode(401)
                .body("error", equalTo("not-authenticated"));
    }

    private Response publish() {
        return bearer(token).contentType(SDP).body(utf8(chromiumOffer())).post("/whip/" + deviceId);
    }

    /** The client's device, online, answering each offer with the recorded SDP under its own fingerprint. */
    private InProcessDevice answering() {
        InProcessDevice device = InProcessDevice.connect(signaling, client, deviceId);
        String answer = withFingerprint(chromiumOffer(), deviceFingerprint);
        return device.onMessage(message -> {
            if (message instanceof RelayedOffer offer) {
                device.send(new Answer(ServerMessage.VERSION, "answer-1", offer.session(), answer));
            }
        });
    }

    /** The bytes of a text body: REST Assured encodes only the media types it knows. */
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
