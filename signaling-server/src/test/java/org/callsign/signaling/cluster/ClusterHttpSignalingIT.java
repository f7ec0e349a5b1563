package org.callsign.signaling.cluster;

import static org.callsign.signaling.TestClients.bearer;
import static org.callsign.signaling.cluster.ClusterIT.assertDelivered;
import static org.callsign.signaling.cluster.ClusterNodes.connect;
import static org.callsign.signaling.connect.HttpSignalingFixture.connectBody;
import static org.callsign.signaling.connect.HttpSignalingFixture.decodeAnswer;
import static org.callsign.signaling.connect.HttpSignalingFixture.encodeOffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.callsign.signaling.PackagedServer;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One-shot HTTP signaling on a cluster of three packaged nodes: webexec's {@code /connect} and WHIP taken by one node
 * reach a device at home on another, and a WHIP session's {@code PATCH} and {@code DELETE} reach the node that holds
 * it through a third, or, once that node died, the node that took its client over.
 */
class ClusterHttpSignalingIT {

    @RegisterExtension
    static final ClusterNodes CLUSTER = new ClusterNodes("http", 3);

    private static PackagedServer a;
    private static PackagedServer b;
    private static PackagedServer c;

    @BeforeAll
    static void nodes() {
        a = CLUSTER.node(0);
        b = CLUSTER.node(1);
        c = CLUSTER.node(2);
    }

    @Test
    void connectTakenByOneNodeReachesTheDeviceOnAnother() throws Exception {
        TwoDevices devices = TwoDevices.register("cluster-connect");
        try (SignalingClient phone = connect(b, devices, devices.phone(), null)) {
            CompletableFuture<ExtractableResponse<Response>> response = connectThroughA(devices);
            answerConnect(phone, response);
        }
    }

    @Test
    void whipSessionLivesOnTheDevicesHomeWhicheverNodeTheRequestsReach() throws Exception {
        TwoDevices devices = TwoDevices.register("cluster-whip");
        try (SignalingClient phone = connect(b, devices, devices.phone(), null)) {
            ExtractableResponse<Response> session = whipSession(devices, phone);
            String location = session.header("Location");

            bearer(devices.token())
                    .port(c.port())
                    .contentType("application/trickle-ice-sdpfrag")
                    .header("If-Match", session.header("ETag"))
                    .body(("a=mid:0\r\na=candidate:1 1 udp 2122260223 192.0.2.1 50001 typ host\r\n"
                                    + "a=end-of-candidates\r\n")
                            .getBytes(StandardCharsets.UTF_8))
                    .patch(location)
                    .then()
                    .statusCode(204);
            JsonNode candidate = phone.await("candidate");
            assertEquals(
                    "candidate:1 1 udp 2122260223 192.0.2.1 50001 typ host",
                    candidate.path("candidate").path("candidate").asText(),
                    candidate.toString());

            String stranger = TestClients.token(TestClients.registerNew("cluster-whip-other"));
            bearer(stranger).port(c.port()).delete(location).then().statusCode(404);
            bearer(devices.token()).port(c.port()).delete(location).then().statusCode(200);
            assertEquals(
                    "the WHIP client ended the session",
                    phone.await("bye").path("reason").asText());
            bearer(devices.token()).port(a.port()).delete(location).then().statusCode(404);
        }
    }

    @Test
    void aWhipSessionGoesOnAfterTheNodeHoldingItDied() throws Exception {
        DoomedHome doomed = DoomedHome.start("cluster-whip-dies");
        TwoDevices devices = doomed.devices();
        ExtractableResponse<Response> session = whipSession(devices, doomed.phone());
        String location = session.header("Location");

        doomed.kill();

        trickle(devices, session, a.port()).then().statusCode(204);
        try (SignalingClient resumed = doomed.resumeOn(c)) {
            assertEquals(
                    "candidate:1 1 udp 2122260223 192.0.2.1 50001 typ host",
                    resumed.await("candidate")
                            .path("candidate")
                            .path("candidate")
                            .asText(),
                    "held for the phone by the node that took the session over");
            trickle(devices, session, b.port()).then().statusCode(204);
            resumed.await("candidate");

            bearer(devices.token()).port(b.port()).delete(location).then().statusCode(200);
            assertEquals(
                    "the WHIP client ended the session",
                    resumed.await("bye").path("reason").asText());
            bearer(devices.token()).port(c.port()).delete(location).then().statusCode(404);
        }
    }

    @Test
    void aConnectWhileTheDevicesHomeIsDeadWaitsForTheDeviceToResume() throws Exception {
        DoomedHome doomed = DoomedHome.start("cluster-connect-failover");
        doomed.kill();

        CompletableFuture<ExtractableResponse<Response>> response = connectThroughA(doomed.devices());
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (homeOf(doomed.devices()).equals(doomed.home())) {
            assertTrue(System.nanoTime() < deadline, "the request claims the client's home");
            Thread.sleep(20);
        }
        try (SignalingClient resumed = doomed.resumeOn(c)) {
            answerConnect(resumed, response);
        }
    }

    @Test
    void aConnectWhoseDevicesHomeDiesWhileItWaitsIsOfferedAgainOnTheNextHome() throws Exception {
        DoomedHome doomed = DoomedHome.start("cluster-connect-midway");
        CompletableFuture<ExtractableResponse<Response>> response = connectThroughA(doomed.devices());
        JsonNode first = doomed.phone().await("offer");

        doomed.kill();

        try (SignalingClient resumed = doomed.resumeOn(c)) {
            JsonNode again = resumed.await("offer");
            assertNotEquals(
                    first.path("session").asText(), again.path("session").asText(), "a new exchange");
            answer(resumed, again, response);
        }
    }

    /** A node of its own started as the home of a new client, with the client's phone connected to it. */
    private record DoomedHome(PackagedServer node, TwoDevices devices, SignalingClient phone, String home) {

        static DoomedHome start(String client) {
            PackagedServer node = CLUSTER.start(1).get(0);
            TwoDevices devices = TwoDevices.register(client);
            SignalingClient phone = connect(node, devices, devices.phone(), null);
            return new DoomedHome(node, devices, phone, homeOf(devices));
        }

        /** Kills the node, and waits until the others take it for dead. */
        void kill() throws InterruptedException {
            assertEquals(137, node.kill());
            phone.awaitClose();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!CLUSTER.redis().cli("EXISTS", "callsign:http:node:" + home).equals("0")) {
                assertTrue(System.nanoTime() < deadline, "the dead node is noticed within the node timeout");
                Thread.sleep(50);
            }
        }

        /** The phone, resumed on {@code other}. */
        SignalingClient resumeOn(PackagedServer other) {
            SignalingClient resumed = connect(
                    other,
                    devices,
                    devices.phone(),
                    phone.welcome().path("resume").asText());
            ClusterNodes.assertResumed(resumed);
            return resumed;
        }
    }

    /** A {@code /connect} of {@code devices}' client to its phone, through node a, running until it is answered. */
    private static CompletableFuture<ExtractableResponse<Response>> connectThroughA(TwoDevices devices) {
        return later(() -> TestClients.as(devices.client())
                .port(a.port())
                .contentType(ContentType.JSON)
                .body(connectBody(null, encodeOffer(SdpFixtures.CHROMIUM_OFFER.sdp()), devices.phone()))
                .post("/connect")
                .then()
                .extract());
    }

    /** Answers the {@code /connect} offer that {@code device} gets, and checks that the answer is the response. */
    private static void answerConnect(SignalingClient device, CompletableFuture<ExtractableResponse<Response>> response)
            throws Exception {
        answer(device, device.await("offer"), response);
    }

    /** Answers {@code offer}, of a {@code /connect}, and checks that the answer is the response. */
    private static void answer(
            SignalingClient device, JsonNode offer, CompletableFuture<ExtractableResponse<Response>> response)
            throws Exception {
        assertEquals("connect", offer.path("from").path("kind").asText(), offer.toString());
        assertDelivered(device.call(SignalingClient.message("answer")
                .put("session", offer.path("session").asText())
                .put("sdp", SdpFixtures.CHROMIUM_ANSWER.sdp())));
        ExtractableResponse<Response> answered = response.get(20, TimeUnit.SECONDS);
        assertEquals(200, answered.statusCode(), answered.asString());
        assertEquals(
                SdpFixtures.CHROMIUM_ANSWER.sdp(),
                decodeAnswer(answered.asString()).sdp());
    }

    /** The node that is the home of {@code devices}' client now. */
    private static String homeOf(TwoDevices devices) {
        return CLUSTER.redis().cli("GET", "callsign:http:home:" + devices.client());
    }

    /** A WHIP session of {@code devices}' client with its phone, published through node a; the {@code 201}. */
    private static ExtractableResponse<Response> whipSession(TwoDevices devices, SignalingClient phone)
            throws Exception {
        CompletableFuture<ExtractableResponse<Response>> created = later(() -> bearer(devices.token())
                .port(a.port())
                .contentType("application/sdp")
                .body(SdpFixtures.CHROMIUM_OFFER.sdp().getBytes(StandardCharsets.UTF_8))
                .post("/whip/" + devices.phone())
                .then()
                .extract());
        JsonNode offer = phone.await("offer");
        assertEquals("whip", offer.path("from").path("kind").asText(), offer.toString());
        assertDelivered(phone.call(SignalingClient.message("answer")
                .put("session", offer.path("session").asText())
                .put("sdp", SdpFixtures.CHROMIUM_ANSWER.sdp())));
        ExtractableResponse<Response> session = created.get(20, TimeUnit.SECONDS);
        assertEquals(201, session.statusCode(), session.asString());
        return session;
    }

    /** A {@code PATCH} of one candidate to the session through the node at {@code port}, naming its entity tag. */
    private static Response trickle(TwoDevices devices, ExtractableResponse<Response> session, int port) {
        return bearer(devices.token())
                .port(port)
                .contentType("application/trickle-ice-sdpfrag")
                .header("If-Match", session.header("ETag"))
                .body("a=mid:0\r\na=candidate:1 1 udp 2122260223 192.0.2.1 50001 typ host\r\n"
                        .getBytes(StandardCharsets.UTF_8))
                .patch(session.header("Location"));
    }

    /**
     * Runs {@code request} on a thread of its own: it waits for the device's answer, which this thread gives. Not on the
     * common pool, which has a single thread on two cores: blocked by the request, it could not run what other futures
     * of the test need meanwhile (JDK 25 times {@code orTimeout} there, as the device's WebSocket opening uses).
     */
    private static <T> CompletableFuture<T> later(Supplier<T> request) {
        return CompletableFuture.supplyAsync(request, command -> {
            Thread thread = new Thread(command, "http-caller");
            thread.setDaemon(true);
            thread.start();
        });
    }
}
