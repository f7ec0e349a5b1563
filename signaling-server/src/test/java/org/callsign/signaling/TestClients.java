package org.callsign.signaling;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Clients for tests: unique ids, a valid key, registration with the test profile's admin secret, tokens. */
public final class TestClients {

    /** The admin secret of the test profile (application.properties). */
    public static final String ADMIN_SECRET = "test-admin-secret-0123456789abcdef";

    /** A valid key: 32 printable ASCII characters. */
    public static final String KEY = "k3y-0123456789-abcdefghij-ABCDEF";

    /** The id of an owner every test may use. */
    public static final String OWNER = "test-owner";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestClients() {}

    /** An id no other test uses. */
    public static String uniqueId(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    /** The body of a registration. */
    public static Map<String, Object> registration(String clientId, String key) {
        Map<String, Object> body = new HashMap<>();
        body.put("clientID", clientId);
        body.put("authKey", key);
        return body;
    }

    /** Registers a new client (not an owner) with the admin secret; returns its id. */
    public static String registerNew(String prefix) {
        String id = uniqueId(prefix);
        given().contentType(ContentType.JSON)
                .header("X-Callsign-Admin-Secret", ADMIN_SECRET)
                .body(registration(id, KEY))
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201);
        return id;
    }

    /** Registers {@link #OWNER} with the admin secret, unless it exists; the store then has a client. */
    public static String owner() {
        Map<String, Object> body = registration(OWNER, KEY);
        body.put("owner", true);
        int status = given().contentType(ContentType.JSON)
                .header("X-Callsign-Admin-Secret", ADMIN_SECRET)
                .body(body)
                .when()
                .post("/api/clients")
                .statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("owner registration answered " + status);
        }
        return OWNER;
    }

    /** Registers a client without credentials (as anyone, or as the bootstrap from loopback). */
    public static ValidatableResponse registerAsAnyone(String clientId, boolean owner) {
        Map<String, Object> body = registration(clientId, KEY);
        if (owner) {
            body.put("owner", true);
        }
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/clients")
                .then();
    }

    /** A request authenticated with Basic credentials of the client and {@link #KEY}. */
    public static RequestSpecification as(String clientId) {
        return given().auth().preemptive().basic(clientId, KEY);
    }

    /** A new bearer token of the client. */
    public static String token(String clientId) {
        return as(clientId)
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** A request authenticated with the bearer token. */
    public static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /** Registers a verified device of the client with the fingerprint (any form the API takes); returns its id. */
    public static String device(String clientId, String name, String fingerprint) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "browser");
        body.put("fingerprint", fingerprint);
        return as(clientId)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/devices")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Verifies or unverifies one of the client's devices. */
    public static void verify(String clientId, String deviceId, boolean verified) {
        as(clientId)
                .contentType(ContentType.JSON)
                .body(Map.of("verified", verified))
                .when()
                .put("/api/devices/" + deviceId + "/verified")
                .then()
                .statusCode(200);
    }
}
