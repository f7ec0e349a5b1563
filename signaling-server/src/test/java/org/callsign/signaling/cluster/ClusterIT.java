package org.callsign.signaling.cluster;

import static io.restassured.RestAssured.given;
import static org.callsign.signaling.cluster.ClusterNodes.connect;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.callsign.signaling.PackagedServer;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.TestIdpResource;
import org.callsign.signaling.federation.signature.FederationJws;
import org.callsign.signaling.federation.signature.FederationKeys;
import org.callsign.signaling.federation.signature.RequestSigner;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.callsign.signaling.turn.rest.IceServerResource;
import org.callsign.wellknown.testing.LocalDomains;
import org.callsign.wellknown.testing.ScriptedResponse;
import org.callsign.wellknown.testing.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three packaged signaling servers sharing one real {@code redis-server} as a cluster: a client's devices on different
 * nodes signal each other in order and once, see each other's presence, and learn of changes made through a third
 * node; failed key checks and ICE server requests count on every node, and a signed federation request accepted by
 * one node is a replay on the others; when a node dies its devices reconnect to another one and resume, with their
 * sessions and what was held for them, even if it was their home. Tests that kill a node start their own. The nodes
 * federate as {@value #ORIGIN}; another server, {@value #SENDER}, is a test HTTPS server that publishes its federation
 * keys.
 */
class ClusterIT {

    static final String ORIGIN = "https://sig-cluster.test";
    static final String SENDER = "https://sig-sender.test";
    static final FederationKeys SENDER_KEYS = FederationKeys.generate();
    static final int ICE_SERVER_REQUESTS_PER_MINUTE = 3;

    private static LocalDomains sender;

    @RegisterExtension
    static final ClusterNodes CLUSTER = new ClusterNodes("three", 3).with(ClusterIT::properties);

    private static PackagedServer a;
    private static PackagedServer b;
    private static PackagedServer c;

    @BeforeAll
    static void nodes() {
        a = CLUSTER.node(0);
        b = CLUSTER.node(1);
        c = CLUSTER.node(2);
    }

    @AfterAll
    static void stopSender() {
        if (sender != null) {
            sender.close();
        }
    }

    /**
     * Federation on as {@link #ORIGIN}, with {@link #SENDER}'s document served and its CA trusted, and time enough for
     * each node's first fetch of it on a busy machine; a rate of ICE server requests that a test uses up at once.
     */
    static Map<String, String> properties() {
        sender = LocalDomains.start(
                TestCa.create("cluster IT CA"), URI.create(SENDER).getHost());
        sender.server()
                .route(
                        "/.well-known/callsign",
                        ScriptedResponse.ok(
                                "application/json",
                                "{\"server\":\"" + SENDER + "\",\"federation\":{\"endpoint\":\"" + SENDER
                                        + "/federation/v1\",\"keys\":" + SENDER_KEYS.publicKeys() + "}}"));
        return Map.of(
                "callsign.signaling.public-url",
                ORIGIN,
                "callsign.signaling.net.trust-store",
                TestIdpResource.trustStore(sender.ca()).toString(),
                "callsign.signaling.net.allow-loopback",
                "true",
                "callsign.signaling.net.connect-to",
                URI.create(SENDER).getHost() + ":443=127.0.0.1:"
                        + sender.server().port(),
                "callsign.signaling.federation.timeout",
                "30s",
                "callsign.signaling.turn.requests-per-minute",
                Integer.toString(ICE_SERVER_REQUESTS_PER_MINUTE));
    }

    @Test
    void relaysBetweenDevicesOnDifferentNodesInOrderAndOnce() {
        TwoDevices devices = TwoDevices.register("cluster-relay");
        try (SignalingClient laptop = connect(a, devices, devices.laptop(), null);
                SignalingClient phone = connect(b, devices, devices.phone(), null)) {
            assertTrue(laptop.await("peer-update").path("peer").path("online").asBoolean());

            assertDelivered(laptop.call(offer(devices, "cluster-relay-1")));
            JsonNode offer = phone.await("offer");
            assertEquals(SdpFixtures.CHROMIUM_OFFER.sdp(), offer.path("sdp").asText());
            assertEquals(devices.laptop(), offer.path("from").path("device").asText());

            assertEquals(
                    "delivered",
                    phone.call(answer("cluster-relay-1")).path("status").asText());
            assertEquals(
                    SdpFixtures.CHROMIUM_ANSWER.sdp(),
                    laptop.next("answer").path("sdp").asText());

            // Many messages at once from each side: every one acknowledged, received once and in order.
            List<String> fromPhone = sendCandidates(phone, "cluster-relay-1", 100);
            List<String> fromLaptop = sendCandidates(laptop, "cluster-relay-1", 100);
            Map<String, List<JsonNode>> atLaptop = next(laptop, 200);
            Map<String, List<JsonNode>> atPhone = next(phone, 200);
            assertEquals(fromLaptop, ids(atLaptop.get("ack")), "each acknowledged, in order");
            assertEquals(fromPhone, ids(atPhone.get("ack")));
            assertEquals(Set.of("delivered"), statuses(atLaptop.get("ack")));
            assertEquals(Set.of("delivered"), statuses(atPhone.get("ack")));
            assertEquals(fromPhone, ids(atLaptop.get("candidate")), "each received once, in order");
            assertEquals(fromLaptop, ids(atPhone.get("candidate")));
            laptop.expectNothing(Duration.ofMillis(300));
            phone.expectNothing(Duration.ofMillis(0));
        }
    }

    @Test
    void presenceCrossesNodes() throws Exception {
        TwoDevices devices = TwoDevices.register("cluster-presence");
        try (SignalingClient laptop = connect(c, devices, devices.laptop(), null)) {
            JsonNode peers = laptop.peers();
            assertFalse(peers.path("peers").get(0).path("online").asBoolean(), peers.toString());
            SignalingClient phone = connect(a, devices, devices.phone(), null);
            JsonNode online = laptop.await("peer-update");
            while (!online.path("peer").path("online").asBoolean()) {
                // A change announced while the devices were registered may reach the laptop's home after it connected.
                online = laptop.await("peer-update");
            }
            assertEquals(devices.phone(), online.path("peer").path("id").asText());
            assertTrue(
                    phone.peers().path("peers").get(0).path("online").asBoolean(),
                    "the phone, forwarded to the laptop's home, sees the laptop online");
            phone.close();
        }
    }

    @Test
    void changesMadeThroughAThirdNodeReachDevicesOnTheOthers() {
        TwoDevices devices = TwoDevices.register("cluster-change");
        try (SignalingClient laptop = connect(a, devices, devices.laptop(), null);
                SignalingClient phone = connect(b, devices, devices.phone(), null)) {
            laptop.await("peer-update");
            RestOn.node(c, () -> TestClients.verify(devices.client(), devices.phone(), false));
            JsonNode unverified = laptop.await("peer-update");
            assertEquals(devices.phone(), unverified.path("peer").path("id").asText());
            assertFalse(unverified.path("peer").path("verified").asBoolean());

            RestOn.node(c, () -> TestClients.bearer(devices.token())
                    .delete("/api/tokens/current")
                    .then()
                    .statusCode(204));
            assertEquals(4401, laptop.awaitClose().code(), "a local connection of the revoked token closes");
            assertEquals(4401, phone.awaitClose().code(), "a forwarded connection of the revoked token closes");
        }
    }

    @Test
    void failedKeyChecksOnDifferentNodesLockTheClientOnAll() {
        String client = TestClients.registerNew("cluster-lockout");
        List<PackagedServer> nodes = List.of(a, b, c, a, b);
        for (PackagedServer node : nodes) {
            RestOn.node(node, () -> given().auth()
                    .preemptive()
                    .basic(client, "not-" + TestClients.KEY)
                    .get("/api/devices")
                    .then()
                    .statusCode(401));
        }
        RestOn.node(c, () -> TestClients.as(client)
                .get("/api/devices")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue()));
    }

    @Test
    void iceServerRequestsOfAClientCountOnEveryNode() {
        String token = TestClients.token(TestClients.registerNew("cluster-turn"));
        List<PackagedServer> nodes = List.of(a, b, c);
        for (int i = 0; i < ICE_SERVER_REQUESTS_PER_MINUTE; i++) {
            RestOn.node(nodes.get(i), () -> TestClients.bearer(token)
                    .get(IceServerResource.PATH)
                    .then()
                    .statusCode(200));
        }
        RestOn.node(a, () -> TestClients.bearer(token)
                .get(IceServerResource.PATH)
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error", equalTo("rate-limited")));
    }

    @Test
    void aFederationRequestAcceptedByOneNodeIsRefusedAsAReplayByAnother() {
        byte[] invite = JsonNodeFactory.instance
                .objectNode()
                .put("call", "Q2x1c3RlclJlcGxheTEyMzQ")
                .put("to", "nobody@idp-a.test")
                .put("sdp", SdpFixtures.CHROMIUM_OFFER.sdp())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        String signature = new RequestSigner(SENDER, SENDER_KEYS, Clock.systemUTC())
                .sign("POST", URI.create(ORIGIN + "/federation/v1/invites"), invite);

        RestOn.node(a, () -> federationInvite(signature, invite).statusCode(202));
        RestOn.node(
                b,
                () -> federationInvite(signature, invite).statusCode(401).body("error", equalTo("signature-replayed")));
        RestOn.node(
                c,
                () -> federationInvite(signature, invite).statusCode(401).body("error", equalTo("signature-replayed")));
    }

    @Test
    void aDeviceWhoseNodeDiedResumesOnAnotherWithWhatWasHeld() throws Exception {
        PackagedServer doomed = CLUSTER.start(1).get(0);
        TwoDevices devices = TwoDevices.register("cluster-edge-dies");
        try (SignalingClient laptop = connect(a, devices, devices.laptop(), null)) {
            SignalingClient phone = connect(doomed, devices, devices.phone(), null);
            String resume = phone.welcome().path("resume").asText();
            laptop.call(offer(devices, "cluster-edge-1"));
            phone.await("offer");

            assertEquals(137, doomed.kill());
            // Until the home notices, what it hands the dead node is lost with it, as with a connection that died
            // without a close; once it notices, the phone's line holds what is sent to it.
            List<String> held = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (held.size() < 3 && System.nanoTime() < deadline) {
                JsonNode ack = laptop.call(candidate("cluster-edge-1", held.size()));
                if ("queued".equals(ack.path("status").asText())) {
                    held.add(ack.path("id").asText());
                } else {
                    Thread.sleep(100);
                }
            }
            assertEquals(3, held.size(), "the home noticed that the phone's node died");

            try (SignalingClient resumed = connect(c, devices, devices.phone(), resume)) {
                ClusterNodes.assertResumed(resumed);
                assertEquals(held, receivedCandidates(resumed, 3));
                assertEquals(
                        "delivered",
                        resumed.call(answer("cluster-edge-1")).path("status").asText(),
                        "the session went on");
                laptop.await("answer");
            }
        }
    }

    @Test
    void whenAHomeNodeDiesItsDevicesResumeOnAnotherWithTheirSessionAndWhatWasHeld() throws Exception {
        DoomedHome home = DoomedHome.start("cluster-home-dies", "cluster-home-1");
        TwoDevices devices = home.devices();
        SignalingClient laptop = home.laptop();
        String laptopResume = laptop.welcome().path("resume").asText();
        String phoneResume = home.phone().welcome().path("resume").asText();
        home.phone().close();
        List<String> held = queueCandidates(laptop, "cluster-home-1", 2);

        home.kill();

        try (SignalingClient laptopAgain = connect(b, devices, devices.laptop(), laptopResume);
                SignalingClient phoneAgain = connect(c, devices, devices.phone(), phoneResume)) {
            ClusterNodes.assertResumed(laptopAgain);
            ClusterNodes.assertResumed(phoneAgain);
            assertEquals(held, receivedCandidates(phoneAgain, 2), "what the dead home held, once, in order");
            assertDelivered(phoneAgain.call(answer("cluster-home-1")));
            assertEquals(
                    "cluster-home-1",
                    laptopAgain.await("answer").path("session").asText(),
                    "the session went on");
            assertDelivered(laptopAgain.call(offer(devices, "cluster-home-2")));
            assertEquals(
                    "cluster-home-2", phoneAgain.await("offer").path("session").asText());
        }
    }

    @Test
    void aDeviceThatStartsAfreshAfterItsHomeDiedEndsItsSessionsWithTheDevicesThatResume() throws Exception {
        DoomedHome home = DoomedHome.start("cluster-home-afresh", "cluster-afresh-1");
        TwoDevices devices = home.devices();
        String phoneResume = home.phone().welcome().path("resume").asText();

        home.kill();
        assertEquals(
                4503, home.phone().awaitClose(Duration.ofSeconds(10)).code(), "the forwarded connection is node-lost");

        try (SignalingClient laptopAgain = connect(b, devices, devices.laptop(), null);
                SignalingClient phoneAgain = connect(c, devices, devices.phone(), phoneResume)) {
            assertFalse(laptopAgain.welcome().path("resumed").asBoolean());
            assertTrue(
                    phoneAgain.welcome().path("resumed").asBoolean(),
                    phoneAgain.welcome().toString());
            JsonNode bye = phoneAgain.await("bye");
            assertEquals("cluster-afresh-1", bye.path("session").asText(), "the laptop's fresh start ended it");
            assertDelivered(laptopAgain.call(offer(devices, "cluster-afresh-2")));
            assertEquals(
                    "cluster-afresh-2",
                    phoneAgain.await("offer").path("session").asText());
        }
    }

    /** Sends candidates until {@code count} of them were queued (the target's line noticed it dropped); their ids. */
    static List<String> queueCandidates(SignalingClient sender, String session, int count) throws InterruptedException {
        List<String> queued = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (queued.size() < count && System.nanoTime() < deadline) {
            JsonNode ack = sender.call(candidate(session, queued.size()));
            if ("queued".equals(ack.path("status").asText())) {
                queued.add(ack.path("id").asText());
            } else {
                Thread.sleep(50);
            }
        }
        assertEquals(count, queued.size(), "the target's line holds what is sent to it");
        return queued;
    }

    /**
     * A node of its own started as the home of a new client: the laptop connected to it, the phone forwarded to it from
     * node a, and a session opened from the laptop to the phone.
     */
    record DoomedHome(
            PackagedServer node, String id, TwoDevices devices, SignalingClient laptop, SignalingClient phone) {

        static DoomedHome start(String client, String session) {
            PackagedServer node = CLUSTER.start(1).get(0);
            TwoDevices devices = TwoDevices.register(client);
            SignalingClient laptop = connect(node, devices, devices.laptop(), null);
            SignalingClient phone = connect(a, devices, devices.phone(), null);
            String id = CLUSTER.redis().cli("GET", "callsign:three:home:" + devices.client());
            assertDelivered(laptop.call(offer(devices, session)));
            phone.await("offer");
            return new DoomedHome(node, id, devices, laptop, phone);
        }

        /** Kills the node, and waits until its key has expired: the others take it for dead. */
        void kill() throws InterruptedException {
            assertEquals(137, node.kill());
            laptop.awaitClose();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!CLUSTER.redis().cli("EXISTS", "callsign:three:node:" + id).equals("0")) {
                assertTrue(System.nanoTime() < deadline, "node " + id + " is taken for dead within the node timeout");
                Thread.sleep(50);
            }
        }
    }

    static ValidatableResponse federationInvite(String signature, byte[] body) {
        return given().header(FederationJws.HEADER, signature)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/federation/v1/invites")
                .then();
    }

    static ObjectNode offer(TwoDevices devices, String session) {
        return SignalingClient.message("offer")
                .put("to", devices.phone())
                .put("session", session)
                .put("sdp", SdpFixtures.CHROMIUM_OFFER.sdp());
    }

    static ObjectNode answer(String session) {
        return SignalingClient.message("answer").put("session", session).put("sdp", SdpFixtures.CHROMIUM_ANSWER.sdp());
    }

    static ObjectNode candidate(String session, int n) {
        ObjectNode candidate = SignalingClient.message("candidate").put("session", session);
        candidate
                .putObject("candidate")
                .put("candidate", "candidate:" + n + " 1 udp 2122260223 192.0.2.1 " + (40000 + n) + " typ host");
        return candidate;
    }

    /** Sends {@code count} candidates without waiting; returns their ids. */
    static List<String> sendCandidates(SignalingClient client, String session, int count) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ids.add(client.send(candidate(session, n)).path("id").asText());
        }
        return ids;
    }

    static void assertDelivered(JsonNode answer) {
        assertEquals("delivered", answer.path("status").asText(), answer.toString());
    }

    /** The next {@code count} messages, by type, each type's in the order they came. */
    static Map<String, List<JsonNode>> next(SignalingClient client, int count) {
        Map<String, List<JsonNode>> byType = new TreeMap<>();
        for (int n = 0; n < count; n++) {
            JsonNode message = client.next();
            byType.computeIfAbsent(message.path("type").asText(), type -> new ArrayList<>())
                    .add(message);
        }
        return byType;
    }

    static List<String> ids(List<JsonNode> messages) {
        return messages.stream().map(message -> message.path("id").asText()).toList();
    }

    static Set<String> statuses(List<JsonNode> acks) {
        return acks.stream().map(ack -> ack.path("status").asText()).collect(Collectors.toSet());
    }

    static List<String> receivedCandidates(SignalingClient client, int count) {
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            ids.add(client.await("candidate").path("id").asText());
        }
        return ids;
    }
}
