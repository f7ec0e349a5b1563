package org.callsign.signaling.client;

import static io.restassured.RestAssured.given;
import static org.callsign.signaling.TestClients.ADMIN_SECRET;
import static org.callsign.signaling.TestClients.KEY;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.callsign.signaling.TestClients;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Registration while closed (the test profile's default), with the admin secret or an owner; a client's own record. */
@QuarkusTest
class ClientResourceTest {

    @BeforeEach
    void serverHasAnOwner() {
        // Past the bootstrap: the first loopback registration would otherwise make its client the owner.
        TestClients.owner();
    }

    private static ValidatableResponse register(Object body, String adminSecret) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (adminSecret != null) {
            request.header("X-Callsign-Admin-Secret", adminSecret);
        }
        return request.when().post("/api/clients").then();
    }

    private static void refused(ValidatableResponse response, int status, String error, String message) {
        response.statusCode(status)
                .contentType(ContentType.JSON)
                .body("error", equalTo(error))
                .body("message", equalTo(message));
    }

    @Test
    void registersWithTheAdminSecretAnd201NamesTheClient() {
        String id = TestClients.uniqueId("alice");
        register(TestClients.registration(id, KEY), ADMIN_SECRET)
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/clients/" + id))
                .body("clientID", equalTo(id))
                .body("owner", equalTo(false))
                .body("created", not(nullValue()))
                .body("authKey", nullValue());
        TestClients.as(id)
                .when()
                .get("/api/clients/" + id)
                .then()
                .statusCode(200)
                .body("clientID", equalTo(id));
    }

    @Test
    void takenIdIsAConflict() {
        String id = TestClients.registerNew("taken");
        refused(
                register(TestClients.registration(id, KEY), ADMIN_SECRET),
                409,
                "client-id-taken",
                "clientID " + id + " is taken");
    }

    @Test
    void closedRegistrationRefusesAnyoneWithoutTheSecret() {
        refused(
                register(TestClients.registration(TestClients.uniqueId("anon"), KEY), null),
                403,
                "registration-closed",
                "registration is closed: register with the admin secret or as an owner");
    }

    @Test
    void wrongAdminSecretIsInvalidCredentials() {
        refused(
                register(TestClients.registration(TestClients.uniqueId("anon"), KEY), ADMIN_SECRET + "x"),
                401,
                "invalid-credentials",
                "wrong admin secret");
    }

    @Test
    void aClientThatIsNoOwnerCannotRegisterWhileClosed() {
        String plain = TestClients.registerNew("plain");
        ValidatableResponse response = TestClients.as(plain)
                .contentType(ContentType.JSON)
                .body(TestClients.registration(TestClients.uniqueId("friend"), KEY))
                .when()
                .post("/api/clients")
                .then();
        refused(
                response,
                403,
                "registration-closed",
                "registration is closed: register with the admin secret or as an owner");
    }

    @Test
    void anOwnerRegistersClientsAndOwnersWhileClosed() {
        Map<String, Object> body = TestClients.registration(TestClients.uniqueId("second-owner"), KEY);
        body.put("owner", true);
        String second = TestClients.as(TestClients.OWNER)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/clients")
                .then()
                .statusCode(201)
                .body("owner", equalTo(true))
                .extract()
                .path("clientID");
        TestClients.token(second);
    }

    @Test
    void theAdminSecretRegistersOwners() {
        Map<String, Object> body = TestClients.registration(TestClients.uniqueId("admin-made"), KEY);
        body.put("owner", true);
        register(body, ADMIN_SECRET).statusCode(201).body("owner", equalTo(true));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "NULL | " + KEY + " | clientID is required",
                "'' | " + KEY + " | clientID is required",
                "-leading-dash | " + KEY
                        + " | clientID must be letters, digits, '.', '_' or '-', starting with a letter or digit",
                "has:colon | " + KEY
                        + " | clientID must be letters, digits, '.', '_' or '-', starting with a letter or digit",
                "has space | " + KEY
                        + " | clientID must be letters, digits, '.', '_' or '-', starting with a letter or digit",
                "ünicode | " + KEY
                        + " | clientID must be letters, digits, '.', '_' or '-', starting with a letter or digit",
                "a012345678901234567890123456789012345678901234567890123456789abcd | " + KEY
                        + " | clientID is longer than 64 characters",
                "valid-id | NULL | authKey is required",
                "valid-id | short-key | authKey must have at least 32 characters",
                "valid-id | 0123456789012345678901234567890123456789012345678901234567890123456789abc"
                        + " | authKey must have at most 72 characters (bcrypt ignores the rest)",
                "valid-id | 'key with spaces 0123456789abcdefghij' | authKey must be printable ASCII characters without spaces",
                "valid-id | ключ-ключ-ключ-ключ-ключ-ключ-ключ | authKey must be printable ASCII characters without spaces"
            })
    void refusesInvalidIdsAndKeysNamingTheRule(String clientId, String key, String message) {
        refused(register(TestClients.registration(clientId, key), ADMIN_SECRET), 400, "invalid-request", message);
    }

    @Test
    void malformedAndMistypedJsonAreTypedErrors() {
        refused(
                register("{\"clientID\": \"x\", \"authKey\": ", ADMIN_SECRET),
                400,
                "malformed-json",
                "request body is not valid JSON (line 1, column 30)");
        refused(
                register("{\"clientID\": \"x\", \"owner\": {}}", ADMIN_SECRET),
                400,
                "malformed-json",
                "request body does not match the expected object at 'owner' (line 1, column 28)");
        refused(register("", ADMIN_SECRET), 400, "invalid-request", "request body is required");
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        refused(
                register("{\"clientID\": \"" + "x".repeat(9000) + "\"}", ADMIN_SECRET),
                413,
                "body-too-large",
                "request body of 9016 bytes exceeds the limit of 8192 bytes");
    }

    @Test
    void otherMediaTypeIsATypedUnsupportedMediaType() {
        given().contentType(ContentType.TEXT)
                .body("clientID=x")
                .when()
                .post("/api/clients")
                .then()
                .statusCode(415)
                .body("error", equalTo("unsupported-media-type"));
    }

    @Test
    void aClientSeesItselfOnlyAndAnOwnerSeesEveryone() {
        String alice = TestClients.registerNew("alice");
        String bob = TestClients.registerNew("bob");
        refused(
                TestClients.as(alice).when().get("/api/clients/" + bob).then(),
                403,
                "not-allowed",
                "only an owner can see other clients");
        refused(
                TestClients.as(alice).when().get("/api/clients").then(),
                403,
                "not-allowed",
                "only an owner can list clients");
        TestClients.as(TestClients.OWNER)
                .when()
                .get("/api/clients/" + bob)
                .then()
                .statusCode(200);
        TestClients.as(TestClients.OWNER)
                .when()
                .get("/api/clients")
                .then()
                .statusCode(200)
                .body("clientID", hasItems(alice, bob, TestClients.OWNER));
        refused(
                TestClients.as(TestClients.OWNER)
                        .when()
                        .get("/api/clients/nobody-here")
                        .then(),
                404,
                "not-found",
                "no such client");
    }

    @Test
    void deletingAClientVoidsItsKeyAndTokens() {
        String id = TestClients.registerNew("leaving");
        String token = TestClients.token(id);
        TestClients.bearer(token).when().delete("/api/clients/" + id).then().statusCode(204);
        refused(
                TestClients.as(id).when().get("/api/clients/" + id).then(),
                401,
                "invalid-credentials",
                "wrong client id or key");
        refused(
                TestClients.bearer(token).when().get("/api/clients/" + id).then(),
                401,
                "invalid-token",
                "bearer token is invalid, expired or revoked");
    }

    @Test
    void anOwnerRemovesAnotherClientButAClientCannot() {
        String victim = TestClients.registerNew("victim");
        String other = TestClients.registerNew("other");
        refused(
                TestClients.as(other).when().delete("/api/clients/" + victim).then(),
                403,
                "not-allowed",
                "only an owner can see other clients");
        TestClients.as(TestClients.OWNER)
                .when()
                .delete("/api/clients/" + victim)
                .then()
                .statusCode(204);
        TestClients.as(TestClients.OWNER)
                .when()
                .get("/api/clients/" + victim)
                .then()
                .statusCode(404);
    }

    @Test
    void changingTheKeyVoidsTheOldKeyAndEveryToken() {
        String id = TestClients.registerNew("rotating");
        String token = TestClients.token(id);
        String newKey = "n3w-key-0123456789-abcdefghijklmn";
        TestClients.as(id)
                .contentType(ContentType.JSON)
                .body(Map.of("authKey", newKey))
                .when()
                .put("/api/clients/" + id + "/key")
                .then()
                .statusCode(204);
        TestClients.as(id).when().get("/api/clients/" + id).then().statusCode(401);
        TestClients.bearer(token).when().get("/api/clients/" + id).then().statusCode(401);
        given().auth()
                .preemptive()
                .basic(id, newKey)
                .when()
                .get("/api/clients/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void aClientCannotChangeAnotherClientsKey() {
        String id = TestClients.registerNew("mine");
        refused(
                TestClients.as(TestClients.OWNER)
                        .contentType(ContentType.JSON)
                        .body(Map.of("authKey", KEY))
                        .when()
                        .put("/api/clients/" + id + "/key")
                        .then(),
                403,
                "not-allowed",
                "a client can change only its own key");
    }
}
