package org.callsign.testbed;

import static org.callsign.testbed.CallSteps.asserted;
import static org.callsign.testbed.CallSteps.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.callsign.server.store.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Calls across domains when the callee's server is a cluster (docs/operations.md, "Several signaling nodes"): sig-b.test
 * is two nodes on one Redis, and the name reaches the first, so every request from sig-a lands there, while per's
 * device is at home on the second. Invites and call events are routed to the node that holds per's client, and the
 * calls go as with one server, in both directions.
 */
class ClusterCallIT {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static TwoDomains bed;
    private static User alice;
    private static User per;

    @BeforeAll
    static void start() throws Exception {
        bed = TwoDomains.start("cluster-call", TestbedOptions.NONE.withSignalingCluster(REDIS.url()));
        alice = bed.createUser(Domain.A, "alice");
        per = bed.createUser(Domain.B, "per");
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

            perDevice.send(message("call")
                    .put("to", alice.identity())
                    .put("sdp", asserted(bed, per, Domain.A.signalingOrigin())));
            String call = perDevice.next("call-placed").path("call").asText();
            JsonNode ring = aliceDevice.next("incoming-call");
            assertEquals(call, ring.path("call").asText());
            aliceDevice.send(
                    message("accept").put("call", call).put("sdp", asserted(bed, alice, Domain.B.signalingOrigin())));
            aliceDevice.next("ack");

            JsonNode accepted = CallSteps.awaitUpdate(perDevice, "accepted");
            assertEquals(call, accepted.path("call").asText(), "alice's accept, taken by the first node, reached per");
            perDevice.send(message("hangup").put("call", call));
            perDevice.next("ack");
            CallSteps.awaitUpdate(aliceDevice, "ended");
        }
    }
}
