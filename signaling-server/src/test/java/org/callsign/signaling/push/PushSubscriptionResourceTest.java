package org.callsign.signaling.push;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.push.service.PushSubscriptions;
import org.callsign.signaling.push.service.UserAgentKeys;
import org.callsign.signaling.push.store.PushSubscriptionStore;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A device's push subscriptions through the API: registered, renewed, listed, removed, limited, refused with a typed
 * error for every bad input, and gone with their device, their client, or their expiry.
 */
@QuarkusTest
class PushSubscriptionResourceTest {

    @Inject
    PushSubscriptionStore store;

    @Inject
    PushSubscriptions subscriptions;

    @Inject
    MutableClock clock;

    private static Map<String, Object> subscription(String endpoint) {
        Map<String, Object> body = new HashMap<>();
        body.put("type", "webpush");
        body.put("endpoint", endpoint);
        body.put("keys", Map.of("p256dh", UserAgentKeys.p256dh(), "auth", UserAgentKeys.auth()));
        body.put("expirationTime", null);
        return body;
    }

    private static String endpoint(String name) {
        return "https://push.example.net/wpush/v2/" + name;
    }

    private static String path(String deviceId) {
        return "/api/devices/" + deviceId + "/push-subscriptions";
    }

    private static ValidatableResponse add(String clientId, String deviceId, Object body) {
        return TestClients.as(clientId)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path(deviceId))
                .then();
    }

    /** A new device of the client, with a fingerprint of its own. */
    private static String newDevice(String clientId) {
        byte[] fingerprint = new byte[32];
        new SecureRandom().nextBytes(fingerprint);
        return TestClients.device(
                clientId, "Phone", HexFormat.of().withUpperCase().formatHex(fingerprint));
    }

    @Test
    void registersListsAndRemovesASubscriptionWithoutShowingItsKeys() {
        String clientId = TestClients.registerNew("push-api");
        String deviceId = newDevice(clientId);

        ValidatableResponse created = add(clientId, deviceId, subscription(endpoint("a")))
                .statusCode(201)
                .body("device", equalTo(deviceId))
                .body("type", equalTo("webpush"))
                .body("endpoint", equalTo(endpoint("a")))
                .body("keys", nullValue())
                .body("id", matchesPattern("[A-Za-z0-9_-]{16}"));
        String id = created.extract().path("id");
        created.header("Location", endsWith(path(deviceId) + "/" + id));

        TestClients.as(clientId)
                .when()
                .get(path(deviceId))
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(id)));
        TestClients.as(clientId).when().delete(path(deviceId) + "/" + id).then().statusCode(204);
        TestClients.as(clientId)
                .when()
                .get(path(deviceId))
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
        TestClients.as(clientId)
                .when()
                .delete(path(deviceId) + "/" + id)
                .then()
                .statusCode(404)
                .body("error", equalTo("not-found"));
    }

    @Test
    void theSameEndpointAgainRenewsTheSubscriptionWithItsNewKeys() {
        String clientId = TestClients.registerNew("push-renew");
        String deviceId = newDevice(clientId);
        String id = add(clientId, deviceId, subscription(endpoint("r")))
                .statusCode(201)
                .extract()
                .path("id");
        clock.advance(Duration.ofDays(1));
        Map<String, Object> renewal = subscription(endpoint("r"));

        add(clientId, deviceId, renewal).statusCode(200).body("id", equalTo(id));

        TestClients.as(clientId).when().get(path(deviceId)).then().body("$", hasSize(1));
        @SuppressWarnings("unchecked")
        Map<String, String> keys = (Map<String, String>) renewal.get("keys");
        assertEquals(keys.get("p256dh"), store.list(clientId, deviceId).get(0).p256dh());
    }

    @Test
    void aDeviceHoldsAtMostFourSubscriptions() {
        String clientId = TestClients.registerNew("push-limit");
        String deviceId = newDevice(clientId);
        for (int i = 0; i < 4; i++) {
            add(clientId, deviceId, subscription(endpoint("n" + i))).statusCode(201);
        }

        add(clientId, deviceId, subscription(endpoint("n4")))
                .statusCode(409)
                .body("error", equalTo("too-many-subscriptions"))
                .body("message", equalTo("a device has at most 4 push subscriptions"));
        add(clientId, deviceId, subscription(endpoint("n3"))).statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "plain http | endpoint | http://push.example.net/x | endpoint must be https",
                "plain http to loopback, not allowed here | endpoint | http://localhost:8090/notify/x | endpoint must be"
                        + " https",
                "an unknown type | type | apns | type must be webpush or unifiedpush",
                "p256dh not base64url | p256dh | a+b/ | keys.p256dh is not base64url",
                "auth of 8 bytes | auth | AAAAAAAAAAA | keys.auth is 8 bytes, not 16"
            })
    void refusesBadInputWithATypedError(String name, String field, String value, String message) {
        String clientId = TestClients.registerNew("push-bad");
        Map<String, Object> body = subscription(endpoint("bad"));
        if (field.equals("endpoint") || field.equals("type")) {
            body.put(field, value);
        } else {
            Map<String, Object> keys = new HashMap<>(castKeys(body));
            keys.put(field, value);
            body.put("keys", keys);
        }

        add(clientId, newDevice(clientId), body)
                .statusCode(400)
                .body("error", equalTo("invalid-request"))
                .body("message", equalTo(message));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castKeys(Map<String, Object> body) {
        return (Map<String, Object>) body.get("keys");
    }

    @Test
    void refusesASubscriptionWithoutKeys() {
        String clientId = TestClients.registerNew("push-nokeys");
        Map<String, Object> body = subscription(endpoint("k"));
        body.remove("keys");

        add(clientId, newDevice(clientId), body)
                .statusCode(400)
                .body("error", equalTo("invalid-request"))
                .body("message", equalTo("keys.p256dh is required"));
    }

    @Test
    void anotherClientsDeviceIsUnknown() {
        String owner = TestClients.registerNew("push-owner");
        String deviceId = newDevice(owner);
        String other = TestClients.registerNew("push-other");

        add(other, deviceId, subscription(endpoint("o"))).statusCode(404).body("error", equalTo("not-found"));
        TestClients.as(other).when().get(path(deviceId)).then().statusCode(404);
    }

    @Test
    void needsCredentials() {
        RestAssured.given()
                .contentType(ContentType.JSON)
                .body(subscription(endpoint("x")))
                .when()
                .post(path("any"))
                .then()
                .statusCode(401)
                .body("error", equalTo("not-authenticated"));
    }

    @Test
    void lastsTheConfiguredLifetimeOrTheBrowsersExpirationTimeIfSooner() {
        String clientId = TestClients.registerNew("push-expiry");
        String deviceId = newDevice(clientId);
        Instant soon = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> capped = subscription(endpoint("capped"));
        capped.put("expirationTime", soon.toEpochMilli());

        add(clientId, deviceId, subscription(endpoint("plain"))).statusCode(201);
        add(clientId, deviceId, capped).statusCode(201).body("expires", equalTo(soon.toString()));

        Instant created = store.list(clientId, deviceId).get(0).created();
        assertEquals(
                created.plus(Duration.ofDays(30)),
                store.list(clientId, deviceId).get(0).expires());
    }

    @Test
    void expiredSubscriptionsAreNotListedAndAreSwept() {
        String clientId = TestClients.registerNew("push-sweep");
        String deviceId = newDevice(clientId);
        add(clientId, deviceId, subscription(endpoint("old"))).statusCode(201);

        clock.advance(Duration.ofDays(31));

        TestClients.as(clientId).when().get(path(deviceId)).then().body("$", hasSize(0));
        assertEquals(1, store.list(clientId, deviceId).size());
        subscriptions.sweep();
        assertEquals(List.of(), store.list(clientId, deviceId));
    }

    @Test
    void subscriptionsGoWithTheirDevice() {
        String clientId = TestClients.registerNew("push-device");
        String deviceId = newDevice(clientId);
        add(clientId, deviceId, subscription(endpoint("d"))).statusCode(201);

        TestClients.as(clientId)
                .when()
                .delete("/api/devices/" + deviceId)
                .then()
                .statusCode(204);

        assertEquals(List.of(), store.list(clientId, deviceId));
    }

    @Test
    void subscriptionsGoWithTheirClient() {
        String clientId = TestClients.registerNew("push-client");
        String deviceId = newDevice(clientId);
        add(clientId, deviceId, subscription(endpoint("c"))).statusCode(201);

        TestClients.as(clientId)
                .when()
                .delete("/api/clients/" + clientId)
                .then()
                .statusCode(204);

        assertEquals(List.of(), store.list(clientId, deviceId));
    }
}
