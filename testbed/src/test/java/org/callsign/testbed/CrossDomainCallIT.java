package org.callsign.testbed;

import static org.callsign.testbed.CallSteps.asserted;
import static org.callsign.testbed.CallSteps.awaitIncoming;
import static org.callsign.testbed.CallSteps.candidate;
import static org.callsign.testbed.CallSteps.message;
import static org.callsign.testbed.CallSteps.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The call across domains (docs/federation.md): alice@idp-a.test, on sig-a.test, calls per@idp-b.test, on sig-b.test.
 * Her server discovers his through WebFinger at idp-b.test and sends a signed invite; his server verifies her
 * identity by running IdP A's proxy script and rings his device; he accepts; each device verifies the other's identity
 * itself; candidates flow both ways (hers held until he accepts); he hangs up; both servers keep the call.
 */
class CrossDomainCallIT {

    @RegisterExtension
    static final TwoDomainsExtension testbed = new TwoDomainsExtension();

    private static User alice;
    private static User per;

    @BeforeAll
    static void users() {
        alice = testbed.get().createUser(Domain.A, "alice");
        per = testbed.get().createUser(Domain.B, "per");
    }

    @Test
    void aliceCallsPerAcrossDomainsAndEachVerifiesTheOther() throws Exception {
        TwoDomains bed = testbed.get();
        JsonNode lookup = bed.signaling(Domain.A)
                .get("/api/lookup?identity=per@idp-b.test", alice.signalingAuthorization())
                .expect(200)
                .json();
        assertEquals(Domain.B.signalingOrigin(), lookup.path("server").asText());
        assertEquals("webfinger", lookup.path("via").asText());

        try (DeviceSocket aliceDevice = bed.connect(alice);
                DeviceSocket perDevice = bed.connect(per)) {
            aliceDevice.next("welcome");
            perDevice.next("welcome");

            String offer = asserted(testbed.get(), alice, lookup.path("server").asText());
            aliceDevice.send(message("call").put("to", per.identity()).put("sdp", offer));
            String call = aliceDevice.next("call-placed").path("call").asText();
            assertEquals(
                    "ringing", aliceDevice.next("call-update").path("state").asText());
            aliceDevice.send(candidate(call, "candidate:1 1 udp 2122260223 192.0.2.1 50001 typ host"));
            aliceDevice.next("ack");

            JsonNode ring = perDevice.next("incoming-call");
            assertEquals(call, ring.path("call").asText());
            assertEquals(alice.identity(), ring.path("from").asText());
            assertTrue(ring.path("verified").asBoolean());
            assertEquals(Domain.A.signalingOrigin(), ring.path("server").asText());
            assertEquals(
                    alice.identity(),
                    verify(testbed.get(), ring.path("sdp").asText(), Domain.B.signalingOrigin())
                            .name(),
                    "per's device verifies alice's identity itself");

            String answer = asserted(testbed.get(), per, ring.path("server").asText());
            perDevice.send(message("accept").put("call", call).put("sdp", answer));
            perDevice.next("ack");
            JsonNode held = perDevice.next("call-candidate");
            assertEquals(
                    "candidate:1 1 udp 2122260223 192.0.2.1 50001 typ host",
                    held.path("candidate").path("candidate").asText(),
                    "alice's early candidate waited for the accept");

            JsonNode accepted = aliceDevice.next("call-update");
            assertEquals("accepted", accepted.path("state").asText());
            assertEquals(
                    per.identity(),
                    verify(testbed.get(), accepted.path("sdp").asText(), Domain.A.signalingOrigin())
                            .name(),
                    "alice's device verifies per's identity itself");

            perDevice.send(candidate(call, "candidate:2 1 udp 2122260223 192.0.2.2 50002 typ host"));
            perDevice.next("ack");
            assertEquals(
                    "candidate:2 1 udp 2122260223 192.0.2.2 50002 typ host",
                    aliceDevice
                            .next("call-candidate")
                            .path("candidate")
                            .path("candidate")
                            .asText());

            perDevice.send(message("hangup").put("call", call));
            perDevice.next("ack");
            JsonNode ended = aliceDevice.next("call-update");
            assertEquals("ended", ended.path("state").asText());
        }

        JsonNode aliceCalls = bed.signaling(Domain.A)
                .get("/api/calls", alice.signalingAuthorization())
                .expect(200)
                .json();
        JsonNode outgoing = aliceCalls.path("calls").get(0);
        assertEquals("outgoing", outgoing.path("direction").asText());
        assertEquals(per.identity(), outgoing.path("peer").asText());
        assertEquals(Domain.B.signalingOrigin(), outgoing.path("peerServer").asText());
        assertEquals("ended", outgoing.path("state").asText());

        JsonNode perCalls = bed.signaling(Domain.B)
                .get("/api/calls", per.signalingAuthorization())
                .expect(200)
                .json();
        JsonNode incoming = perCalls.path("calls").get(0);
        assertEquals("incoming", incoming.path("direction").asText());
        assertEquals(alice.identity(), incoming.path("peer").asText());
        assertTrue(incoming.path("verified").asBoolean());
        assertEquals(Domain.A.signalingOrigin(), incoming.path("peerServer").asText());
        assertEquals("ended", incoming.path("state").asText());
    }

    /**
     * The audience rule (docs/security.md): sig-b takes an assertion made for itself or for the server that sent the
     * call, whose signature it checked: Firefox, whose native identity asserts for its page's origin, makes the second
     * kind. An assertion for any other origin is refused.
     */
    @ParameterizedTest(name = "asserted for {0}: {1}")
    @CsvSource({
        "https://sig-a.test, verified",
        "https://sig-c.test, refused:idp-token-invalid",
    })
    void perServerTakesAnAssertionForItselfOrForTheSendingServerOnly(String audience, String outcome) throws Exception {
        TwoDomains bed = testbed.get();
        bed.idp(Domain.A)
                .post("/api/consents", alice.idpAuthorization(), Map.of("origin", audience))
                .expect(200);
        try (DeviceSocket aliceDevice = bed.connect(alice);
                DeviceSocket perDevice = bed.connect(per)) {
            aliceDevice.next("welcome");
            perDevice.next("welcome");

            aliceDevice.send(message("call").put("to", per.identity()).put("sdp", asserted(bed, alice, audience)));
            String call = aliceDevice.next("call-placed").path("call").asText();
            JsonNode record = awaitIncoming(bed, per, call, Duration.ofSeconds(30));

            if (outcome.equals("verified")) {
                assertTrue(record.path("verified").asBoolean(), record.toString());
                assertEquals(alice.identity(), record.path("peer").asText(), record.toString());
                assertEquals(
                        alice.identity(),
                        perDevice.next("incoming-call").path("from").asText());
                aliceDevice.send(message("hangup").put("call", call));
            } else {
                assertFalse(record.path("verified").asBoolean(), record.toString());
                assertEquals(outcome, record.path("reason").asText(), record.toString());
            }
        }
    }

    @Test
    void theServerDocumentPublishesTheFederationKey() {
        JsonNode document = testbed.get()
                .signaling(Domain.B)
                .get("/.well-known/callsign", null)
                .expect(200)
                .json();
        assertEquals(Domain.B.signalingOrigin(), document.path("server").asText());
        assertEquals(
                Domain.B.signalingOrigin() + "/federation/v1",
                document.path("federation").path("endpoint").asText());
        JsonNode key = document.path("federation").path("keys").path("keys").get(0);
        assertEquals("ES256", key.path("alg").asText());
        assertTrue(key.path("d").isMissingNode(), "only the public key is published");
    }
}
