package org.callsign.signaling.signal.websocket;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Message rates per connection and per client, connections per client, token checks at the upgrade, floods. */
@QuarkusTest
@TestProfile(WebSocketLimitsProfile.class)
class WebSocketLimitsTest {
    @Inject
    MutableClock clock;

    @AfterEach
    void refill() {
        clock.advance(Duration.ofMinutes(1));
    }

    private static JsonNode ping(SignalingClient client) {
        return client.call(SignalingClient.message("ping"));
    }

    @Test
    void aConnectionPastItsRateIsRefusedUntilItsBucketRefills() {
        String client = TestClients.registerNew("ws-rate");
        String laptop = TestClients.device(client, "Laptop", SdpFixtures.CHROMIUM_OFFER.fingerprint());
        try (SignalingClient a = SignalingClient.connect(TestClients.token(client), laptop)) {
            assertEquals(5, a.welcome().path("limits").path("messagesPerSecond").asInt());
            for (int i = 0; i < 5; i++) {
                assertEquals("pong", ping(a).path("type").asText());
            }

            JsonNode refused = ping(a);
            assertEquals("rate-limited", refused.path("error").asText());
            assertEquals(1, refused.path("retryAfter").asInt());

            clock.advance(Duration.ofSeconds(1));
            assertEquals("pong", ping(a).path("type").asText());
        }
    }

    @Test
    void aClientsConnectionsShareTheClientsRate() {
        TwoDevices devices = TwoDevices.register("ws-client-rate");
        try (SignalingClient a = SignalingClient.connect(devices.token(), devices.laptop());
                SignalingClient b = SignalingClient.connect(devices.token(), devices.phone())) {
            for (int i = 0; i < 5; i++) {
                assertEquals("pong", ping(a).path("type").asText());
            }
            for (int i = 0; i < 3; i++) {
                assertEquals("pong", ping(b).path("type").asText());
            }

            assertEquals("rate-limited", ping(b).path("error").asText());
        }
    }

    @Test
    void aFloodingClientDoesNotDisturbAnotherClientsDevices() {
        String hostile = TestClients.registerNew("ws-flood");
        String attacker = TestClients.device(hostile, "Flood", SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint());
        String victim = TestClients.registerNew("ws-victim");
        String token = TestClients.token(victim);
        String laptop = TestClients.device(victim, "Laptop", SdpFixtures.CHROMIUM_OFFER.fingerprint());
        String phone = TestClients.device(victim, "Phone", SdpFixtures.CHROMIUM_ANSWER.fingerprint());
        try (SignalingClient flood = SignalingClient.connect(TestClients.token(hostile), attacker);
                SignalingClient a = SignalingClient.connect(token, laptop);
                SignalingClient b = SignalingClient.connect(token, phone)) {
            a.next("peer-update");
            Thread flooding = new Thread(() -> {
                for (int i = 0; i < 300; i++) {
                    flood.sendText(
                            i % 3 == 0
                                    ? "{]"
                                    : SignalingClient.message("offer")
                                            .put("to", laptop)
                                            .put("session", "flood-" + (100000 + i))
                                            .put("sdp", SdpFixtures.WEBRTC_JAVA_OFFER.sdp())
                                            .toString());
                }
            });
            flooding.start();

            assertEquals(
                    "delivered",
                    a.call(SignalingClient.message("offer")
                                    .put("to", phone)
                                    .put("session", "victim-01")
                                    .put("sdp", SdpFixtures.CHROMIUM_OFFER.sdp()))
                            .path("status")
                            .asText());
            assertEquals(laptop, b.next("offer").path("from").path("device").asText());
            assertEquals(
                    "delivered",
                    b.call(SignalingClient.message("answer")
                                    .put("session", "victim-01")
                                    .put("sdp", SdpFixtures.CHROMIUM_ANSWER.sdp()))
                            .path("status")
                            .asText());
            assertEquals(phone, a.next("answer").path("from").path("device").asText());
            join(flooding);

            List<String> errors = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                errors.add(flood.next().path("error").asText());
            }
            assertTrue(errors.contains("rate-limited"));
            assertTrue(errors.contains("malformed-json"));
            assertTrue(errors.stream().allMatch(error -> !error.isEmpty()), "every flooded message has an error");
            a.expectNothing(Duration.ofMillis(100));
            b.expectNothing(Duration.ofMillis(100));
            assertFalse(a.isClosed() || b.isClosed());
        }
    }

    @Test
    void connectionsPastTheClientsLimitAreRefusedBeforeTheUpgrade() {
        String client = TestClients.registerNew("ws-connections");
        String token = TestClients.token(client);
        List<SignalingClient> open = new ArrayList<>();
        try {
            for (SdpFixtures sdp : SdpFixtures.values()) {
                SignalingClient device =
                        SignalingClient.connect(token, TestClients.device(client, sdp.name(), sdp.fingerprint()));
                open.add(device);
            }
            String fourth = TestClients.device(client, "Fourth", "AB".repeat(32));

            Upgrades.send(Upgrades.upgrade().header("Authorization", "Bearer " + token), fourth)
                    .statusCode(429)
                    .body("error", equalTo("too-many-connections"));
        } finally {
            open.forEach(SignalingClient::close);
        }
    }

    @Test
    void tokenChecksPastTheAddressRateAreRefusedBeforeTheUpgrade() {
        String client = TestClients.registerNew("ws-token-rate");
        String token = TestClients.token(client);
        int status = 0;
        for (int i = 0; i < 50 && status != 429; i++) {
            status = Upgrades.send(Upgrades.upgrade().header("Authorization", "Bearer " + token), null)
                    .extract()
                    .statusCode();
        }

        assertEquals(429, status);
        Upgrades.send(Upgrades.upgrade().header("Authorization", "Bearer " + token), null)
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error", equalTo("rate-limited"));
    }

    private static void join(Thread thread) {
        try {
            thread.join(SignalingClient.WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
