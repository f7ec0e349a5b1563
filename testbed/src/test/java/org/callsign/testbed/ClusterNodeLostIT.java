package org.callsign.testbed;

import static org.callsign.testbed.CallSteps.asserted;
import static org.callsign.testbed.CallSteps.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.callsign.server.store.LocalRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call that the dead home of its client had not recorded (docs/operations.md, "Calls between servers"): per, at home
 * on sig-b's second node, calls someone at {@value HostileHosts#SILENT}, whose server document never comes, so the call
 * is still {@code dialing}, its callee's server not yet discovered and the call not in per's record, when the node is
 * killed. The first node, taking per over when per's device comes back, cannot carry the call on, and ends it in per's
 * history as {@code failed} with reason {@code node-lost}. Its own servers, as it kills a node.
 */
class ClusterNodeLostIT {

    @RegisterExtension
    static final LocalRedis REDIS = new LocalRedis();

    private static TwoDomains bed;
    private static User per;

    @BeforeAll
    static void start() throws Exception {
        bed = TwoDomains.start(
                "cluster-node-lost",
                TestbedOptions.NONE
                        .withSignalingCluster(REDIS.url())
                        .withExtraHosts(HostileHosts.SILENT)
                        // discovery waits this long for the silent server: the call dials until the node is killed
                        .withSignalingProperty("callsign.signaling.federation.timeout", "60s"));
        HostileHosts.install(bed.extraServer(), ForeignServer.create("https://" + HostileHosts.EVIL));
        per = bed.createUser(Domain.B, "per");
    }

    @AfterAll
    static void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void aCallStillDialingWhenItsNodeDiedEndsNodeLostWhenTheClientIsTakenOver() throws Exception {
        DeviceSocket perDevice = bed.connect(per, bed.secondNodePort());
        String resume = perDevice.next("welcome").path("resume").asText();
        perDevice.send(message("call")
                .put("to", "someone@" + HostileHosts.SILENT)
                .put("sdp", asserted(bed, per, Domain.A.signalingOrigin()))); // any offer: it never leaves
        String call = perDevice.next("call-placed").path("call").asText();
        assertEquals("dialing", outgoing(call).path("state").asText(), "in per's history");
        String record = REDIS.cli("HKEYS", ClusterSteps.PREFIX + "live:" + per.clientId());
        assertFalse(record.contains("call:"), "the dialing call is not in per's record: " + record);

        ClusterSteps.killHomeOf(bed, REDIS, per);
        perDevice.closed().get(10, TimeUnit.SECONDS);

        try (DeviceSocket perAgain = bed.connect(per, bed.ports(Domain.B).signaling(), resume)) {
            assertTrue(perAgain.next("welcome").path("resumed").asBoolean(), "the first node took per over");
        }
        JsonNode ended = outgoing(call);
        assertEquals("failed", ended.path("state").asText(), ended.toString());
        assertEquals("node-lost", ended.path("reason").asText(), ended.toString());
    }

    /** Per's outgoing call {@code call}, as per's history (in the cluster's shared store) shows it. */
    private static JsonNode outgoing(String call) {
        for (JsonNode record : bed.signaling(Domain.B)
                .get("/api/calls?limit=100", per.signalingAuthorization())
                .expect(200)
                .json()
                .path("calls")) {
            if (record.path("call").asText().equals(call)
                    && record.path("direction").asText().equals("outgoing")) {
                return record;
            }
        }
        throw new AssertionError("call " + call + " is not in per's history");
    }
}
