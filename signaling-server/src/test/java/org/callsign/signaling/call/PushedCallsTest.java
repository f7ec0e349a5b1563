package org.callsign.signaling.call;

import static io.restassured.RestAssured.given;
import static org.callsign.signaling.TestClients.bearer;
import static org.callsign.signaling.call.CallFixture.awaitEnd;
import static org.callsign.signaling.call.CallFixture.place;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callsign.signaling.ExternalServers;
import org.callsign.signaling.FederationProfile;
import org.callsign.signaling.call.CallFixture.Person;
import org.callsign.signaling.signal.Await;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.wellknown.testing.WebPushTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls to a person whose device is asleep, through a real push service ({@link WebPushTesting}): the call rings, the
 * device gets a push holding only the call id, the caller if the callee allows it, and the ring's end; it connects,
 * is rung and answers. A blocked caller wakes nobody; an unanswered call ends with a missed-call push.
 */
@QuarkusTest
@TestProfile(FederationProfile.class)
class PushedCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The ring timeout of the profile and some slack for the missed-call push. */
    private static final Duration RING_AND_MORE = Duration.ofSeconds(5);

    private static CallFixture fixture;
    private static Path dir;
    private static WebPushTesting service;

    @BeforeAll
    static void start() throws Exception {
        fixture = new CallFixture();
        if (WebPushTesting.installed()) {
            dir = Files.createTempDirectory("callsign-pushed-calls");
            service = WebPushTesting.start(dir);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        if (service != null) {
            service.close();
            ExternalServers.deleteTree(dir);
        }
    }

    @BeforeEach
    void needsThePushService() {
        WebPushTesting.assumeInstalled();
    }

    @Test
    void aSleepingDeviceIsWokenConnectsAndAnswers() throws Exception {
        Person alice = fixture.person("waker", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("asleep", SdpFixtures.CHROMIUM_ANSWER);
        WebPushTesting.Subscription subscription = subscribe(per);
        try (SignalingClient aliceDevice = alice.connect()) {
            String call = place(aliceDevice, per.identity(), fixture.asserted(alice, FederationProfile.ORIGIN));
            assertEquals(
                    "ringing", aliceDevice.await("call-update").path("state").asText());

            String payload = awaitPushes(subscription, 1).get(0);
            JsonNode push = JSON.readTree(payload);
            assertEquals(Set.of("type", "call", "expires"), fieldNames(push), payload);
            assertEquals("incoming-call", push.path("type").asText());
            assertEquals(call, push.path("call").asText());
            assertFalse(payload.contains(alice.identity()), "the caller only if the callee allows it: " + payload);
            assertFalse(payload.contains("v=0"), "no SDP: " + payload);

            try (SignalingClient perDevice = per.connect()) {
                JsonNode ring = perDevice.await("incoming-call");
                assertEquals(call, ring.path("call").asText());
                assertEquals(
                        Instant.parse(ring.path("expires").asText()).getEpochSecond(),
                        push.path("expires").asLong(),
                        "the push expires when the ring ends");
                String answer = fixture.asserted(per, ring.path("server").asText());
                perDevice.call(
                        SignalingClient.message("accept").put("call", call).put("sdp", answer));
                assertEquals(
                        "accepted",
                        aliceDevice.await("call-update").path("state").asText());
                aliceDevice.call(SignalingClient.message("hangup").put("call", call));
                assertEquals(
                        "ended", perDevice.await("call-update").path("state").asText());
            }
        }
        Thread.sleep(RING_AND_MORE.toMillis());
        assertEquals(1, pushes(subscription).size(), "an answered call sends no missed-call push");
    }

    @Test
    void thePushNamesTheVerifiedCallerWhenTheCalleeAllowsIt() throws Exception {
        Person alice = fixture.person("named", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("curious", SdpFixtures.CHROMIUM_ANSWER);
        bearer(per.token())
                .contentType(ContentType.JSON)
                .body(Map.of("pushShowsCaller", true))
                .when()
                .put("/api/filter/settings")
                .then()
                .statusCode(200);
        WebPushTesting.Subscription subscription = subscribe(per);
        try (SignalingClient aliceDevice = alice.connect()) {
            String call = place(aliceDevice, per.identity(), fixture.asserted(alice, FederationProfile.ORIGIN));
            JsonNode push = JSON.readTree(awaitPushes(subscription, 1).get(0));
            assertEquals(Set.of("type", "call", "caller", "expires"), fieldNames(push));
            assertEquals(alice.identity(), push.path("caller").asText());
            assertEquals(call, push.path("call").asText());
            aliceDevice.call(SignalingClient.message("hangup").put("call", call));
            JsonNode missed = JSON.readTree(awaitPushes(subscription, 2).get(1));
            assertEquals("missed-call", missed.path("type").asText(), "the caller gave up: a missed call");
            assertEquals(call, missed.path("call").asText());
        }
    }

    @Test
    void anUnansweredCallEndsWithAMissedCallPush() throws Exception {
        Person alice = fixture.person("patient", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("away-from-phone", SdpFixtures.CHROMIUM_ANSWER);
        WebPushTesting.Subscription subscription = subscribe(per);
        try (SignalingClient aliceDevice = alice.connect()) {
            String call = place(aliceDevice, per.identity(), fixture.asserted(alice, FederationProfile.ORIGIN));
            awaitPushes(subscription, 1);
            List<String> both = awaitPushes(subscription, 2);
            JsonNode missed = JSON.readTree(both.get(1));
            assertEquals(Set.of("type", "call", "expires"), fieldNames(missed));
            assertEquals("missed-call", missed.path("type").asText());
            assertEquals(call, missed.path("call").asText());
            assertEquals(
                    "unavailable", awaitEnd(aliceDevice, call).path("state").asText());
        }
    }

    @Test
    void aBlockedCallerWakesNobodyAndLearnsOnlyUnavailable() throws Exception {
        Person mallory = fixture.person("pest", SdpFixtures.CHROMIUM_OFFER);
        Person per = fixture.person("guarded-sleeper", SdpFixtures.CHROMIUM_ANSWER);
        bearer(per.token())
                .contentType(ContentType.JSON)
                .body(Map.of("rules", List.of(Map.of("action", "block", "pattern", mallory.identity()))))
                .when()
                .post("/api/filter/rules")
                .then()
                .statusCode(200);
        WebPushTesting.Subscription subscription = subscribe(per);
        try (SignalingClient malloryDevice = mallory.connect()) {
            String call = place(malloryDevice, per.identity(), fixture.asserted(mallory, FederationProfile.ORIGIN));
            assertEquals(
                    "unavailable", awaitEnd(malloryDevice, call).path("state").asText());
        }
        Thread.sleep(1000);
        assertEquals(List.of(), pushes(subscription), "no push for a blocked caller");
    }

    /** Subscribes at the push service with this server's VAPID key and registers it for the person's device. */
    private static WebPushTesting.Subscription subscribe(Person person) throws Exception {
        String key = given().when()
                .get("/.well-known/callsign")
                .then()
                .statusCode(200)
                .extract()
                .path("push.vapidPublicKey");
        WebPushTesting.Subscription subscription = service.subscribe(key);
        bearer(person.token())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "webpush",
                        "endpoint",
                        subscription.endpoint(),
                        "keys",
                        Map.of("p256dh", subscription.p256dh(), "auth", subscription.auth())))
                .when()
                .post("/api/devices/" + person.deviceId() + "/push-subscriptions")
                .then()
                .statusCode(201);
        return subscription;
    }

    private static List<String> awaitPushes(WebPushTesting.Subscription subscription, int count) {
        Await.until(
                count + " pushes at the push service",
                () -> pushes(subscription).size() >= count);
        return pushes(subscription);
    }

    private static List<String> pushes(WebPushTesting.Subscription subscription) {
        try {
            return service.notifications(subscription.clientHash());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
