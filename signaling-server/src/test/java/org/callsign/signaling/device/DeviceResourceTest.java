package org.callsign.signaling.device;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;
import org.callsign.signaling.TestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A client's devices: name, kind, fingerprint, verified; every bad input. */
@QuarkusTest
class DeviceResourceTest {

    /** The fingerprint of the Chromium offer in the test resources, as its SDP writes it. */
    static final String SDP_FINGERPRINT =
            "sha-256 91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE:5F";

    /** The same, as webexec writes it. */
    static final String HEX = "91293569255CDA07200E7FFC40AEF4E7D22822E6C6F88D1C111BA19E8A2ACE5F";

    private static Map<String, Object> device(String name, String kind, String fingerprint) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("fingerprint", fingerprint);
        return body;
    }

    private static ValidatableResponse add(String clientId, Object body) {
        return TestClients.as(clientId)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/devices")
                .then();
    }

    private static void refused(ValidatableResponse response, int status, String error, String message) {
        response.statusCode(status).body("error", equalTo(error)).body("message", equalTo(message));
    }

    @Test
    void registersAVerifiedDeviceWithItsFingerprintAsWebexecWritesIt() {
        String id = TestClients.registerNew("devices");
        String deviceId = add(id, device("  Kitchen laptop ", "browser", SDP_FINGERPRINT))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/devices/[A-Za-z0-9_-]{16}"))
                .body("name", equalTo("Kitchen laptop"))
                .body("kind", equalTo("browser"))
                .body("fingerprint", equalTo(HEX))
                .body("verified", equalTo(true))
                .extract()
                .path("id");
        TestClients.as(id)
                .when()
                .get("/api/devices")
                .then()
                .statusCode(200)
                .body("id", equalTo(java.util.List.of(deviceId)));
        TestClients.as(id)
                .when()
                .get("/api/devices/" + deviceId)
                .then()
                .statusCode(200)
                .body("fingerprint", equalTo(HEX));
    }

    @Test
    void changesUnverifiesAndRemovesADevice() {
        String id = TestClients.registerNew("lifecycle");
        String deviceId = add(id, device("Phone", "phone", HEX.toLowerCase()))
                .statusCode(201)
                .extract()
                .path("id");
        TestClients.as(id)
                .contentType(ContentType.JSON)
                .body(device("Old phone", "phone", "AB".repeat(32)))
                .when()
                .put("/api/devices/" + deviceId)
                .then()
                .statusCode(200)
                .body("name", equalTo("Old phone"))
                .body("fingerprint", equalTo("AB".repeat(32)))
                .body("verified", equalTo(true));
        TestClients.as(id)
                .contentType(ContentType.JSON)
                .body(Map.of("verified", false))
                .when()
                .put("/api/devices/" + deviceId + "/verified")
                .then()
                .statusCode(200)
                .body("verified", equalTo(false));
        TestClients.as(id).when().delete("/api/devices/" + deviceId).then().statusCode(204);
        TestClients.as(id).when().get("/api/devices").then().body("$", empty());
        refused(
                TestClients.as(id).when().delete("/api/devices/" + deviceId).then(),
                404,
                "not-found",
                "no such device");
    }

    @Test
    void aClientNeverSeesAnotherClientsDevices() {
        String alice = TestClients.registerNew("alice");
        String bob = TestClients.registerNew("bob");
        String deviceId = add(alice, device("Laptop", "browser", HEX))
                .statusCode(201)
                .extract()
                .path("id");
        refused(TestClients.as(bob).when().get("/api/devices/" + deviceId).then(), 404, "not-found", "no such device");
        TestClients.as(bob).when().get("/api/devices").then().body("$", hasSize(0));
        add(bob, device("Same key, other user", "browser", HEX)).statusCode(201);
    }

    @Test
    void twoDevicesOfAClientCannotShareAFingerprint() {
        String id = TestClients.registerNew("twins");
        add(id, device("One", "browser", HEX)).statusCode(201);
        refused(
                add(id, device("Two", "browser", SDP_FINGERPRINT)),
                409,
                "fingerprint-taken",
                "another device of this client has fingerprint " + HEX);
        String other = add(id, device("Three", "browser", "CD".repeat(32)))
                .statusCode(201)
                .extract()
                .path("id");
        refused(
                TestClients.as(id)
                        .contentType(ContentType.JSON)
                        .body(device("Three", "browser", HEX))
                        .when()
                        .put("/api/devices/" + other)
                        .then(),
                409,
                "fingerprint-taken",
                "another device of this client has fingerprint " + HEX);
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL | browser | " + HEX + " | name is required",
                "'   ' | browser | " + HEX + " | name is required",
                "'bell\u0007' | browser | " + HEX + " | name must not contain control characters",
                "Laptop | NULL | " + HEX + " | kind is required",
                "Laptop | Browser | " + HEX
                        + " | kind must be 1 to 32 characters of a-z, 0-9 and '-', starting with a letter",
                "Laptop | browser | NULL | fingerprint is missing",
                "Laptop | browser | ABCD | fingerprint has 4 hex digits, not the digest of sha-1, sha-224, sha-256, sha-384 or sha-512",
                "Laptop | browser | XYZ0 | fingerprint is not hexadecimal",
                "Laptop | browser | AB:CD:E | fingerprint is not hex pairs joined by ':'",
                "Laptop | browser | md5 AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89 | md5 must not be used for a fingerprint (RFC 8122 §5)",
                "Laptop | browser | sha-256 AB:CD | sha-256 fingerprint digest has 2 bytes, expected 32"
            })
    void refusesBadDetailsNamingTheRule(String name, String kind, String fingerprint, String message) {
        refused(add(TestClients.owner(), device(name, kind, fingerprint)), 400, "invalid-request", message);
    }

    @Test
    void aNameLongerThan64CharactersIsRefused() {
        refused(
                add(TestClients.owner(), device("n".repeat(65), "browser", HEX)),
                400,
                "invalid-request",
                "name is longer than 64 characters");
    }

    @Test
    void verifiedMustBeGiven() {
        String id = TestClients.registerNew("verify");
        String deviceId = add(id, device("Laptop", "browser", HEX))
                .statusCode(201)
                .extract()
                .path("id");
        refused(
                TestClients.as(id)
                        .contentType(ContentType.JSON)
                        .body("{}")
                        .when()
                        .put("/api/devices/" + deviceId + "/verified")
                        .then(),
                400,
                "invalid-request",
                "verified is required");
    }

    @Test
    void devicesNeedCredentials() {
        io.restassured.RestAssured.given()
                .when()
                .get("/api/devices")
                .then()
                .statusCode(401)
                .body("error", equalTo("not-authenticated"));
    }
}
