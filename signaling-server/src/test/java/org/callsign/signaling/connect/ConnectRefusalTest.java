package org.callsign.signaling.connect;

import static io.restassured.RestAssured.given;
import static org.callsign.signaling.TestClients.as;
import static org.callsign.signaling.connect.HttpSignalingFixture.CHROMIUM_FINGERPRINT;
import static org.callsign.signaling.connect.HttpSignalingFixture.authorize;
import static org.callsign.signaling.connect.HttpSignalingFixture.chromiumOffer;
import static org.callsign.signaling.connect.HttpSignalingFixture.connect;
import static org.callsign.signaling.connect.HttpSignalingFixture.connectBody;
import static org.callsign.signaling.connect.HttpSignalingFixture.device;
import static org.callsign.signaling.connect.HttpSignalingFixture.encodeOffer;
import static org.callsign.signaling.connect.HttpSignalingFixture.randomFingerprint;
import static org.callsign.signaling.connect.HttpSignalingFixture.withFingerprint;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.connect.service.PendingAnswers;
import org.callsign.signaling.signal.message.Bye;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.RelayedOffer;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.SignalingService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every refusal of {@code POST /connect}, each with its typed error; no WebRTC stack needed. */
@QuarkusTest
@TestProfile(ConnectProfile.class)
class ConnectRefusalTest {

    @Inject
    SignalingService signaling;

    @Inject
    PendingAnswers pending;

    @TestHTTPResource("/connect")
    URI connectUri;

    private String owner;

    @BeforeEach
    void authoriseTheRecordedCaller() {
        owner = TestClients.owner();
        authorize(CHROMIUM_FINGERPRINT);
    }

    @Test
    void refusesAnUnlistedFingerprintWithoutCredentials() {
        String offer = withFingerprint(chromiumOffer(), randomFingerprint());
        String target = device(owner, "listening", randomFingerprint());
        connect(connectBody(null, encodeOffer(offer), target))
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("error", equalTo("not-authenticated"))
                .body("message", containsString("is not authorised"));
    }

    @Test
    void refusesAFingerprintFieldThatIsNotTheOffers() {
        String target = device(owner, "listening", randomFingerprint());
        connect(connectBody(randomFingerprint(), encodeOffer(chromiumOffer()), target))
                .statusCode(403)
                .body("error", equalTo("fingerprint-mismatch"))
                .body("message", containsString("is not the offer's a=fingerprint"));
    }

    @Test
    void acceptsTheFingerprintFieldWithColonsAndAnswersOnlyWhenTheDeviceDoes() throws Exception {
        String target = device(owner, "silent", randomFingerprint());
        try (InProcessDevice device = InProcessDevice.connect(signaling, owner, target)) {
            connect(connectBody(
                            HttpSignalingFixture.colons(CHROMIUM_FINGERPRINT), encodeOffer(chromiumOffer()), target))
                    .statusCode(504)
                    .body("error", equalTo("answer-timeout"))
                    .body("message", equalTo("the device did not answer within 5 s"));
            RelayedOffer offer = device.await(RelayedOffer.class, Duration.ofSeconds(1));
            assertEquals("connect", offer.from().kind());
            assertEquals(CHROMIUM_FINGERPRINT, offer.from().fingerprint());
            assertNull(offer.from().device());
            RelayedBye bye = device.await(RelayedBye.class, Duration.ofSeconds(2));
            assertEquals(offer.session(), bye.session());
        }
    }

    @Test
    void refusesAnOfflineTarget() {
        String target = device(owner, "asleep", randomFingerprint());
        connect(connectBody(CHROMIUM_FINGERPRINT, encodeOffer(chromiumOffer()), target))
                .statusCode(409)
                .body("error", equalTo("target-offline"));
    }

    @Test
    void refusesAnUnknownTarget() {
        connect(connectBody(CHROMIUM_FINGERPRINT, encodeOffer(chromiumOffer()), "no-such-device"))
                .statusCode(404)
                .body("error", equalTo("unknown-target"));
    }

    @Test
    void refusesAnUnverifiedTarget() {
        String target = device(owner, "lost phone", randomFingerprint());
        try (InProcessDevice device = InProcessDevice.connect(signaling, owner, target)) {
            as(owner)
                    .contentType(ContentType.JSON)
                    .body(Map.of("verified", false))
                    .put("/api/devices/" + target + "/verified")
                    .then()
                    .statusCode(200);
            connect(connectBody(CHROMIUM_FINGERPRINT, encodeOffer(chromiumOffer()), target))
                    .statusCode(403)
                    .body("error", equalTo("not-allowed"));
        }
    }

    @Test
    void reachesOnlyTheCredentialedClientsOwnDevices() {
        String stranger = TestClients.registerNew("stranger");
        String ownersDevice = device(owner, "owner's", randomFingerprint());
        as(stranger)
                .contentType(ContentType.JSON)
                .body(connectBody(CHROMIUM_FINGERPRINT, encodeOffer(chromiumOffer()), ownersDevice))
                .post("/connect")
                .then()
                .statusCode(404)
                .body("error", equalTo("unknown-target"));
    }

    @Test
    void refusesWrongCredentialsRatherThanFallingBackToTheFingerprint() {
        String target = device(owner, "listening", randomFingerprint());
        given().auth()
                .preemptive()
                .basic(owner, "wrong-key-0123456789-abcdefghijkl")
                .contentType(ContentType.JSON)
                .body(connectBody(CHROMIUM_FINGERPRINT, encodeOffer(chromiumOffer()), target))
                .post("/connect")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid-credentials"));
    }

    @Test
    void refusesAnOfferThatIsNotBase64() {
        connect(connectBody(null, "not base64!", null))
                .statusCode(400)
                .body("error", equalTo("malformed-offer"))
                .body("message", containsString("not base64"));
    }

    @Test
    void refusesAnOfferThatIsNotJson() {
        String offer = Base64.getEncoder().encodeToString("v=0".getBytes(StandardCharsets.UTF_8));
        connect(connectBody(null, offer, null))
                .statusCode(400)
                .body("error", equalTo("malformed-offer"))
                .body("message", containsString("not the JSON of a session description"));
    }

    @Test
    void refusesAnAnswerPostedAsAnOffer() {
        String answer = Base64.getEncoder()
                .encodeToString("{\"type\":\"answer\",\"sdp\":\"v=0\"}".getBytes(StandardCharsets.UTF_8));
        connect(connectBody(null, answer, null))
                .statusCode(400)
                .body("error", equalTo("malformed-offer"))
                .body("message", equalTo("offer has type 'answer', not 'offer'"));
    }

    @Test
    void refusesAnOfferWithoutFingerprint() {
        String offer = chromiumOffer().replaceAll("a=fingerprint:[^\\r\\n]*\\r?\\n", "");
        connect(connectBody(null, encodeOffer(offer), null))
                .statusCode(400)
                .body("error", equalTo("malformed-sdp"))
                .body("message", containsString("no a=fingerprint"));
    }

    @Test
    void refusesABodyThatIsNotJson() {
        given().contentType(ContentType.JSON)
                .body("{\"offer\": ")
                .post("/connect")
                .then()
                .statusCode(400)
                .body("error", equalTo("malformed-json"));
    }

    @Test
    void refusesAnotherApiVersion() {
        Map<String, Object> body = connectBody(CHROMIUM_FINGERPRINT, encodeOffer(chromiumOffer()), null);
        body.put("api_version", 2);
        connect(body)
                .statusCode(400)
                .body("error", equalTo("unsupported-version"))
                .body("message", containsString("api_version 2"));
    }

    @Test
    void refusesAnOversizedBodyBeforeReadingIt() {
        String padding = "a=x-padding:" + "x".repeat(40 * 1024) + "\r\n";
        connect(connectBody(null, encodeOffer(chromiumOffer() + padding), null))
                .statusCode(413)
                .body("error", equalTo("body-too-large"));
    }

    @Test
    void namesTheDevicesWhenSeveralCouldAnswer() {
        String client = TestClients.registerNew("two-devices");
        String first = device(client, "first", randomFingerprint());
        String second = device(client, "second", randomFingerprint());
        try (InProcessDevice a = InProcessDevice.connect(signaling, client, first);
                InProcessDevice b = InProcessDevice.connect(signaling, client, second)) {
            as(client)
                    .contentType(ContentType.JSON)
                    .body(connectBody(null, encodeOffer(chromiumOffer()), null))
                    .post("/connect")
                    .then()
                    .statusCode(409)
                    .body("error", equalTo("target-ambiguous"))
                    .body("message", containsString(first))
                    .body("message", containsString(second));
        }
    }

    @Test
    void saysWhenNoDeviceIsOnlineToAnswer() {
        String client = TestClients.registerNew("no-device-online");
        device(client, "asleep", randomFingerprint());
        as(client)
                .contentType(ContentType.JSON)
                .body(connectBody(null, encodeOffer(chromiumOffer()), null))
                .post("/connect")
                .then()
                .statusCode(409)
                .body("error", equalTo("target-offline"))
                .body("message", equalTo("no verified device is online to answer"));
    }

    @Test
    void reportsADeviceThatDeclines() throws Exception {
        String target = device(owner, "declining", randomFingerprint());
        try (InProcessDevice device = InProcessDevice.connect(signaling, owner, target)) {
            device.onMessage(message -> declineOffers(device, message));
            connect(connectBody(CHROMIUM_FINGERPRINT, encodeOffer(chromiumOffer()), target))
                    .statusCode(409)
                    .body("error", equalTo("declined"))
                    .body("message", equalTo("the device declined: busy"));
        }
    }

    @Test
    void boundsTheOffersWaitingFromOneAddress() throws Exception {
        String target = device(owner, "silent", randomFingerprint());
        try (InProcessDevice device = InProcessDevice.connect(signaling, owner, target)) {
            Map<String, Object> body = connectBody(CHROMIUM_FINGERPRINT, encodeOffer(chromiumOffer()), target);
            // Sent with the JDK's client, whose sendAsync is made for concurrent requests (REST Assured's is not).
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(connectUri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)))
                    .build();
            CompletableFuture<Integer> first = http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode);
            CompletableFuture<Integer> second = http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(HttpResponse::statusCode);
            // Both must be waiting for the answer before the third arrives; on a busy machine the first requests of
            // a run can take seconds to get there, so wait for that state rather than for a fixed time.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (pending.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(
                    2,
                    pending.size(),
                    () -> "both offers should be waiting for the device's answer; answered so far: "
                            + first.getNow(null) + ", " + second.getNow(null));
            connect(body).statusCode(429).header("Retry-After", "1").body("error", equalTo("rate-limited"));
            assertEquals(504, first.get());
            assertEquals(504, second.get());
        }
    }

    private static void declineOffers(InProcessDevice device, ServerMessage message) {
        if (message instanceof RelayedOffer offer) {
            device.send(new Bye(ServerMessage.VERSION, "decline-1", offer.session(), "busy"));
        }
    }
}
