package org.callsign.testbed;

import static org.callsign.testbed.CallSteps.asserted;
import static org.callsign.testbed.CallSteps.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.callsign.server.store.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls across domains when the callee's server is a cluster (docs/operations.md, "Several signaling nodes"): sig-b.test
 * is two nodes on one Redis, and the name reaches the first, so every request from sig-a lands there, while per's
 * device is at home on the second. Invites and call events are routed to the node that holds per's client, and the
 * calls go as with one server, in both directions. When per's home dies with a call accepted and another ringing, the
 * first node takes per over and both calls go on.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterCallIT {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static TwoDomains bed;
    private static User alice;
    private static User per;
    private static User quinn;

    @BeforeAll
    static void start() throws Exception {
        bed = TwoDomains.start("cluster-call", TestbedOptions.NONE.withSignalingCluster(REDIS.url()));
        alice = bed.createUser(Domain.A, "alice");
        per = bed.createUser(Domain.B, "per");
        quinn = bed.createUser(Domain.B, "quinn");
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aliceCallsPerWhoseDeviceIsOnTheSecondNode() {
        try (DeviceSocket perDevice = bed.connect(per, bed.secondNodePort());
                DeviceSocket aliceDevice = bed.connect(alice)) {
            perDevice.next("welcome");
            aliceDevice.next("welcome");

            aliceDevice.send(message("call")
                    .put("to", per.identity())
                    .put("sdp", asserted(bed, alice, Domain.B.signalingOrigin())));
            String call = aliceDevice.next("call-placed").path("call").asText();
            assertEquals(
                    "ringing", aliceDevice.next("call-update").path("state").asText());
            aliceDevice.send(CallSteps.candidate(call, "candidate:1 1 udp 2122260223 192.0.2.1 50001 typ host"));
            aliceDevice.next("ack");

            JsonNode ring = perDevice.next("incoming-call");
            assertEquals(call, ring.path("call").asText(), "the invite, taken by the first node, rang on the second");
            assertTrue(ring.path("verified").asBoolean());
            perDevice.send(
                    message("accept").put("call", call).put("sdp", asserted(bed, per, Domain.A.signalingOrigin())));
            perDevice.next("ack");
            assertEquals(
                    "candidate:1 1 udp 2122260223 192.0.2.1 50001 typ host",
                    perDevice
                            .next("call-candidate")
                            .path("candidate")
                            .path("candidate")
                            .asText(),
                    "alice's candidate event, taken by the first node, reached the call on the second");
            assertEquals(
                    "accepted", aliceDevice.next("call-update").path("state").asText());

            aliceDevice.send(message("hangup").put("call", call));
            aliceDevice.next("ack");
            assertEquals("ended", perDevice.next("call-update").path("state").asText());
        }
    }

    @Test
    void perOnTheSecondNodeCallsAlice() {
        try (DeviceSocket perDevice = bed.connect(per, bed.secondNodePort());
                DeviceSocket aliceDevice = bed.connect(alice)) {
            perDevice.next("welcome");
            aliceDevice.next("welcome");

            String call = callAndAccept(per, perDevice, alice, aliceDevice);
            perDevice.send(message("hangup").put("call", call));
            perDevice.next("ack");
            CallSteps.awaitUpdate(aliceDevice, "ended");
        }
    }

    @Test
    void quinnOnTheFirstNodeCallsPerOnTheSecondOfTheSameServer() {
        try (DeviceSocket perDevice = bed.connect(per, bed.secondNodePort());
                DeviceSocket quinnDevice = bed.connect(quinn)) {
            perDevice.next("welcome");
            quinnDevice.next("welcome");

            String call = callAndAccept(quinn, quinnDevice, per, perDevice);

            quinnDevice.send(CallSteps.candidate(call, "candidate:4 1 udp 2122260223 192.0.2.4 50004 typ host"));
            quinnDevice.next("ack");
            assertEquals(
                    "candidate:4 1 udp 2122260223 192.0.2.4 50004 typ host",
                    perDevice
                            .next("call-candidate")
                            .path("candidate")
                            .path("candidate")
                            .asText());
            perDevice.send(message("hangup").put("call", call));
            perDevice.next("ack");
            CallSteps.awaitUpdate(quinnDevice, "ended");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE) // it kills the second node
    void whenPersHomeDiesItsCallsGoOnFromTheOtherNode() throws Exception {
        DeviceSocket perDevice = bed.connect(per, bed.secondNodePort());
        try (DeviceSocket aliceDevice = bed.connect(alice)) {
            String resume = perDevice.next("welcome").path("resume").asText();
            aliceDevice.next("welcome");
            String call = callAndAccept(alice, aliceDevice, per, perDevice);
            aliceDevice.send(message("call")
                    .put("to", per.identity())
                    .put("sdp", asserted(bed, alice, Domain.B.signalingOrigin())));
            String ringing = aliceDevice.next("call-placed").path("call").asText();
            assertEquals(ringing, perDevice.next("incoming-call").path("call").asText());

            ClusterSteps.killHomeOf(bed, REDIS, per);
            perDevice.closed().get(10, TimeUnit.SECONDS);

            aliceDevice.send(CallSteps.candidate(call, "candidate:2 1 udp 2122260223 192.0.2.1 50002 typ host"));
            aliceDevice.next("ack");
            try (DeviceSocket perAgain = bed.connect(per, bed.ports(Domain.B).signaling(), resume)) {
                assertTrue(
                        perAgain.next("welcome").path("resumed").asBoolean(), "per's line came back on the first node");
                assertEquals(
                        "candidate:2 1 udp 2122260223 192.0.2.1 50002 typ host",
                        perAgain.next("call-candidate")
                                .path("candidate")
                                .path("candidate")
                                .asText(),
                        "alice's candidate, sent after the home died, reached the call on the first node");

                perAgain.send(CallSteps.candidate(call, "candidate:3 1 udp 2122260223 198.51.100.3 50003 typ host"));
                perAgain.next("ack");
                assertEquals(
                        "candidate:3 1 udp 2122260223 198.51.100.3 50003 typ host",
                        aliceDevice
                                .next("call-candidate")
                                .path("candidate")
                                .path("candidate")
                                .asText());
                perAgain.send(message("hangup").put("call", call));
                perAgain.next("ack");
                JsonNode ended = CallSteps.awaitUpdate(aliceDevice, "ended");
                assertEquals(call, ended.path("call").asText());
                assertEquals("hung-up", ended.path("reason").asText());

                perAgain.send(message("accept")
                        .put("call", ringing)
                        .put("sdp", asserted(bed, per, Domain.A.signalingOrigin())));
                perAgain.next("ack");
                assertEquals(
                        ringing,
                        CallSteps.awaitUpdate(aliceDevice, "accepted")
                                .path("call")
                                .asText(),
                        "the call that rang when the home died was answered on the first node");
                aliceDevice.send(message("hangup").put("call", ringing));
                aliceDevice.next("ack");
                assertEquals(
                        ringing,
                        CallSteps.awaitUpdate(perAgain, "ended").path("call").asText());
            }
            JsonNode record = CallSteps.awaitIncoming(bed, per, call, Duration.ofSeconds(5));
            assertEquals("ended", record.path("state").asText(), "per's history: " + record);
        }
    }

    /**
     * {@code caller} calls {@code callee}, whose device rings with the caller verified and accepts, and the caller
     * learns it; returns the call's id.
     */
    private static String callAndAccept(
            User caller, DeviceSocket callerDevice, User callee, DeviceSocket calleeDevice) {
        callerDevice.send(message("call")
                .put("to", callee.identity())
                .put("sdp", asserted(bed, caller, callee.domain().signalingOrigin())));
        String call = callerDevice.next("call-placed").path("call").asText();
        JsonNode ring = calleeDevice.next("incoming-call");
        assertEquals(call, ring.path("call").asText(), "the invite rang on " + callee.identity() + "'s home");
        assertEquals(caller.identity(), ring.path("from").asText());
        assertTrue(ring.path("verified").asBoolean());
        calleeDevice.send(message("accept")
                .put("call", call)
                .put("sdp", asserted(bed, callee, caller.domain().signalingOrigin())));
        calleeDevice.next("ack");
        assertEquals(
                call,
                CallSteps.awaitUpdate(callerDevice, "accepted").path("call").asText(),
                "the accept reached the caller's side");
        return call;
    }
}
