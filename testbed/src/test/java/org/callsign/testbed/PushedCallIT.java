package org.callsign.testbed;

import static org.callsign.testbed.CallSteps.asserted;
import static org.callsign.testbed.CallSteps.awaitIncoming;
import static org.callsign.testbed.CallSteps.awaitUpdate;
import static org.callsign.testbed.CallSteps.message;
import static org.callsign.testbed.CallSteps.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callsign.wellknown.testing.WebPushTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A call across domains to a person with no connected device (docs/protocol.md, "Push notifications"): per's phone
 * registered a Web Push subscription at a real push service on loopback ({@link WebPushTesting}, which checks the
 * VAPID token and decrypts the payload). alice@idp-a.test calls per@idp-b.test; sig-b.test verifies her identity,
 * its filter lets the call ring, and it pushes; the push holds nothing but the call id and when the ring ends; per's
 * phone connects, is rung, verifies alice itself and accepts; alice's device verifies per. Then a caller per blocked:
 * no push, and the caller learns "unavailable" like for any unanswered call. And a network rule, which matches the
 * address sig-a's invite comes from.
 */
class PushedCallIT {

    /** Longer than the testbed's ring timeout (5 s). */
    private static final Duration AFTER_RING = Duration.ofSeconds(8);

    @RegisterExtension
    static final TwoDomainsExtension testbed = new TwoDomainsExtension();

    private static WebPushTesting service;

    @BeforeAll
    static void startPushService() throws Exception {
        if (WebPushTesting.installed()) {
            // Its log stays next to the servers' logs.
            Path dir = Files.createDirectories(testbed.get().logDir().resolve("web-push-testing"));
            service = WebPushTesting.start(dir);
        }
    }

    @AfterAll
    static void stopPushService() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @BeforeEach
    void needsThePushService() {
        WebPushTesting.assumeInstalled();
    }

    @Test
    void perSPhoneIsWokenByAPushConnectsAndAcceptsAlicesCall() throws Exception {
        TwoDomains bed = testbed.get();
        User alice = bed.createUser(Domain.A, "alice");
        User per = bed.createUser(Domain.B, "per");
        WebPushTesting.Subscription phone = subscribe(bed, per);

        try (DeviceSocket aliceDevice = bed.connect(alice)) {
            aliceDevice.next("welcome");
            aliceDevice.send(message("call")
                    .put("to", per.identity())
                    .put("sdp", asserted(bed, alice, Domain.B.signalingOrigin())));
            String call = aliceDevice.next("call-placed").path("call").asText();

            String payload = awaitPushes(phone, 1).get(0);
            JsonNode push = ApiClient.JSON.readTree(payload);
            assertEquals(Set.of("type", "call", "expires"), fieldNames(push), payload);
            assertEquals("incoming-call", push.path("type").asText());
            assertEquals(call, push.path("call").asText());
            assertFalse(payload.contains("v=0"), "no SDP: " + payload);
            assertFalse(payload.contains("127.0.0.1"), "no address: " + payload);

            try (DeviceSocket perDevice = bed.connect(per)) {
                perDevice.next("welcome");
                JsonNode ring = perDevice.next("incoming-call");
                assertEquals(call, ring.path("call").asText());
                assertEquals(
                        alice.identity(),
                        verify(bed, ring.path("sdp").asText(), Domain.B.signalingOrigin())
                                .name(),
                        "per's phone verifies alice itself");
                perDevice.send(message("accept")
                        .put("call", call)
                        .put("sdp", asserted(bed, per, ring.path("server").asText())));
                perDevice.next("ack");

                JsonNode accepted = awaitUpdate(aliceDevice, "accepted");
                assertEquals(
                        per.identity(),
                        verify(bed, accepted.path("sdp").asText(), Domain.A.signalingOrigin())
                                .name(),
                        "alice verifies per");
                aliceDevice.send(message("hangup").put("call", call));
                assertEquals(
                        "ended", perDevice.next("call-update").path("state").asText());
            }
        }
        JsonNode record = awaitIncoming(bed, per, CallSteps.lastCall(bed, per), AFTER_RING);
        assertEquals("ring", record.path("filter").path("decision").asText(), record.toString());
    }

    @Test
    void aBlockedCallerWakesNobodyAndLearnsOnlyUnavailable() throws Exception {
        TwoDomains bed = testbed.get();
        User mallory = bed.createUser(Domain.A, "mallory");
        User per = bed.createUser(Domain.B, "per-guarded");
        bed.signaling(Domain.B)
                .post(
                        "/api/filter/rules",
                        per.signalingAuthorization(),
                        Map.of("rules", List.of(Map.of("action", "block", "pattern", mallory.identity()))))
                .expect(200);
        WebPushTesting.Subscription phone = subscribe(bed, per);

        try (DeviceSocket malloryDevice = bed.connect(mallory)) {
            malloryDevice.next("welcome");
            malloryDevice.send(message("call")
                    .put("to", per.identity())
                    .put("sdp", asserted(bed, mallory, Domain.B.signalingOrigin())));
            String call = malloryDevice.next("call-placed").path("call").asText();
            JsonNode record = awaitIncoming(bed, per, call, AFTER_RING);
            assertEquals("refused:blocked", record.path("reason").asText(), record.toString());
            assertEquals(
                    "block " + mallory.identity(),
                    record.path("filter").path("rule").asText());
            assertEquals(
                    "unavailable",
                    awaitUpdate(malloryDevice, "unavailable").path("state").asText());
        }
        assertEquals(List.of(), service.notifications(phone.clientHash()), "no push for a blocked caller");
    }

    @Test
    void aNetworkRuleMatchesTheAddressTheCallersServerCallsFrom() throws Exception {
        TwoDomains bed = testbed.get();
        User alice = bed.createUser(Domain.A, "alice-net");
        User per = bed.createUser(Domain.B, "per-net");
        bed.signaling(Domain.B)
                .post(
                        "/api/filter/rules",
                        per.signalingAuthorization(),
                        Map.of("rules", List.of(Map.of("action", "block", "pattern", "127.0.0.0/8"))))
                .expect(200);
        try (DeviceSocket aliceDevice = bed.connect(alice)) {
            aliceDevice.next("welcome");
            aliceDevice.send(message("call")
                    .put("to", per.identity())
                    .put("sdp", asserted(bed, alice, Domain.B.signalingOrigin())));
            String call = aliceDevice.next("call-placed").path("call").asText();
            JsonNode record = awaitIncoming(bed, per, call, AFTER_RING);
            assertEquals("refused:blocked", record.path("reason").asText(), record.toString());
            assertEquals("block 127.0.0.0/8", record.path("filter").path("rule").asText(), "sig-a calls from loopback");
        }
    }

    private static WebPushTesting.Subscription subscribe(TwoDomains bed, User user) throws Exception {
        return CallSteps.subscribe(bed, service, user);
    }

    private static List<String> awaitPushes(WebPushTesting.Subscription subscription, int count) throws Exception {
        return CallSteps.awaitPushes(service, subscription, count);
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
