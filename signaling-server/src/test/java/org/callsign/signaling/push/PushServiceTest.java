package org.callsign.signaling.push;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.callsign.signaling.ExternalServers;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.push.service.CallNotification;
import org.callsign.signaling.push.service.PushMetrics;
import org.callsign.signaling.push.service.PushNotifier;
import org.callsign.signaling.push.service.VapidKeys;
import org.callsign.signaling.signal.Await;
import org.callsign.wellknown.testing.MutableClock;
import org.callsign.wellknown.testing.WebPushTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pushes to a real push service ({@link WebPushTesting}): a device registers the subscription the service made for
 * this server's VAPID key, as a browser would, and the service verifies the VAPID token and decrypts what arrives.
 */
@QuarkusTest
@TestProfile(PushProfile.class)
class PushServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dir;
    private static WebPushTesting service;

    @Inject
    PushNotifier notifier;

    @Inject
    PushMetrics metrics;

    @Inject
    MutableClock clock;

    @BeforeAll
    static void startPushService() throws Exception {
        if (WebPushTesting.installed()) {
            dir = Files.createTempDirectory("callsign-web-push");
            service = WebPushTesting.start(dir);
        }
    }

    @AfterAll
    static void stopPushService() throws Exception {
        if (service != null) {
            service.close();
        }
        if (dir != null) {
            ExternalServers.deleteTree(dir);
        }
    }

    @BeforeEach
    void needsThePushService() {
        WebPushTesting.assumeInstalled();
    }

    /** A client with one device, as a test fixture. */
    private record Device(String clientId, String deviceId, String token) {}

    private static Device device() {
        String clientId = TestClients.registerNew("push");
        String deviceId = TestClients.device(clientId, "Phone", "AB".repeat(32));
        return new Device(clientId, deviceId, TestClients.token(clientId));
    }

    /** The VAPID key of the server document, as a web client reads it before subscribing. */
    private static String vapidPublicKey() {
        return given().when()
                .get("/.well-known/callsign")
                .then()
                .statusCode(200)
                .extract()
                .path("push.vapidPublicKey");
    }

    /** Subscribes at the push service with the server's key and registers the subscription for the device. */
    private static WebPushTesting.Subscription subscribe(Device device, String applicationServerKey) throws Exception {
        WebPushTesting.Subscription subscription = service.subscribe(applicationServerKey);
        Map<String, Object> body = new HashMap<>();
        body.put("type", "webpush");
        body.put("endpoint", subscription.endpoint());
        body.put("keys", Map.of("p256dh", subscription.p256dh(), "auth", subscription.auth()));
        body.put("expirationTime", null);
        TestClients.bearer(device.token())
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/devices/" + device.deviceId() + "/push-subscriptions")
                .then()
                .statusCode(201);
        return subscription;
    }

    private CallNotification ringing(String call, String caller) {
        return new CallNotification(
                CallNotification.Kind.INCOMING_CALL,
                call,
                caller,
                clock.instant().plusSeconds(45).truncatedTo(ChronoUnit.SECONDS));
    }

    private static List<String> awaitNotifications(WebPushTesting.Subscription subscription, int count) {
        Await.until(
                count + " notifications at the push service",
                () -> notifications(subscription).size() >= count);
        return notifications(subscription);
    }

    private static List<String> notifications(WebPushTesting.Subscription subscription) {
        try {
            return service.notifications(subscription.clientHash());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theServerDocumentPublishesTheVapidKeyAsAnUncompressedPoint() {
        String key = vapidPublicKey();

        assertEquals(87, key.length(), "65 bytes in base64url without padding");
        assertTrue(key.startsWith("B"), "0x04, an uncompressed point");
    }

    @Test
    void thePushArrivesDecryptedWithExactlyTheAllowedMembers() throws Exception {
        Device device = device();
        WebPushTesting.Subscription subscription = subscribe(device, vapidPublicKey());
        CallNotification notification = ringing("call-" + device.deviceId(), "alice@idp-a.example");
        long delivered = metrics.total(PushMetrics.Outcome.DELIVERED);

        assertEquals(1, notifier.send(device.clientId(), List.of(device.deviceId()), notification));

        String payload = awaitNotifications(subscription, 1).get(0);
        JsonNode json = JSON.readTree(payload);
        assertEquals(Set.of("type", "call", "caller", "expires"), fieldNames(json));
        assertEquals("incoming-call", json.get("type").asText());
        assertEquals(notification.call(), json.get("call").asText());
        assertEquals("alice@idp-a.example", json.get("caller").asText());
        assertEquals(
                notification.expires().getEpochSecond(), json.get("expires").asLong());
        assertFalse(payload.contains("sdp"), payload);
        assertFalse(payload.contains("candidate"), payload);
        assertFalse(payload.matches("(?s).*\\b\\d{1,3}(\\.\\d{1,3}){3}\\b.*"), "no IPv4 address: " + payload);
        assertFalse(payload.matches("(?s).*[0-9a-fA-F]{1,4}(:[0-9a-fA-F]{0,4}){2,7}.*"), "no IPv6 address: " + payload);
        Await.until("the delivery counted", () -> metrics.total(PushMetrics.Outcome.DELIVERED) > delivered);
    }

    @Test
    void aMissedCallFollowsItsIncomingCallWithoutACaller() throws Exception {
        Device device = device();
        WebPushTesting.Subscription subscription = subscribe(device, vapidPublicKey());
        String call = "call-" + device.deviceId();
        notifier.send(device.clientId(), List.of(device.deviceId()), ringing(call, null));
        awaitNotifications(subscription, 1);

        Instant rang = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        notifier.send(
                device.clientId(),
                List.of(device.deviceId()),
                new CallNotification(CallNotification.Kind.MISSED_CALL, call, null, rang));

        JsonNode missed = JSON.readTree(awaitNotifications(subscription, 2).get(1));
        assertEquals(Set.of("type", "call", "expires"), fieldNames(missed));
        assertEquals("missed-call", missed.get("type").asText());
        assertEquals(call, missed.get("call").asText());
        assertEquals(rang.getEpochSecond(), missed.get("expires").asLong());
    }

    @Test
    void aTokenOfAnotherKeyIsRefusedByThePushServiceAndNothingArrives() throws Exception {
        Device device = device();
        String otherKey = VapidKeys.generated().publicKey();
        WebPushTesting.Subscription subscription = subscribe(device, otherKey);
        long failed = metrics.total(PushMetrics.Outcome.FAILED);

        assertEquals(
                1,
                notifier.send(device.clientId(), List.of(device.deviceId()), ringing("c-" + device.deviceId(), null)));

        Await.until("the refusal counted", () -> metrics.total(PushMetrics.Outcome.FAILED) > failed);
        assertEquals(List.of(), notifications(subscription));
        assertEquals(1, listed(device).size(), "a refused push does not delete the subscription");
    }

    @Test
    void aSubscriptionThePushServiceExpiredIsDeletedAfterIts410() throws Exception {
        Device device = device();
        WebPushTesting.Subscription subscription = subscribe(device, vapidPublicKey());
        service.expire(subscription.clientHash());
        long gone = metrics.total(PushMetrics.Outcome.GONE);

        assertEquals(
                1,
                notifier.send(device.clientId(), List.of(device.deviceId()), ringing("c-" + device.deviceId(), null)));

        Await.until("the subscription deleted", () -> listed(device).isEmpty());
        assertEquals(gone + 1, metrics.total(PushMetrics.Outcome.GONE));
        assertEquals(0, notifier.send(device.clientId(), List.of(device.deviceId()), ringing("c2", null)));
    }

    private static List<Object> listed(Device device) {
        return TestClients.bearer(device.token())
                .when()
                .get("/api/devices/" + device.deviceId() + "/push-subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new TreeSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
