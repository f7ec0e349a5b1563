package org.callsign.idp.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.callsign.idp.TestUsers;
import org.callsign.idp.account.store.AccountStore;
import org.callsign.idp.session.rest.CsrfFilter;
import org.callsign.idp.session.service.SessionCookies;
import org.callsign.server.store.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class AccountResourceTest {

    @Inject
    AccountStore accounts;

    @Inject
    KeyValueStore store;

    private static io.restassured.response.ValidatableResponse register(Object body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/accounts")
                .then();
    }

    @Test
    void registersANormalisedUsernameAndNeverShowsTheHash() {
        String name = TestUsers.uniqueName("Reg");
        register(Map.of("username", name.toUpperCase(), "password", TestUsers.PASSWORD))
                .statusCode(201)
                .header("Location", containsString("/api/account"))
                .body("username", equalTo(name.toLowerCase()))
                .body("identity", equalTo(name.toLowerCase() + "@localhost:8081"))
                .body("passwordHash", nullValue())
                .body(not(containsString("$2a$")));
        String stored =
                new String(store.get(AccountStore.NAMESPACE, name.toLowerCase()).orElseThrow());
        assertTrue(stored.contains("\"passwordHash\":\"$2a$10$"), "bcrypt at the test cost");
        assertTrue(!stored.contains(TestUsers.PASSWORD), "no plain password stored");
    }

    @Test
    void refusesATakenNameWhateverItsCase() {
        String name = TestUsers.registerNew("taken");
        register(Map.of("username", name.toUpperCase(), "password", TestUsers.PASSWORD))
                .statusCode(409)
                .body("error", equalTo("username-taken"))
                .body("message", equalTo("username " + name + " is taken"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "an at sign         | al@ice | correct horse battery | username must not contain '@': it is the user part of user@domain",
                "whitespace         | al ice | correct horse battery | username must not contain whitespace or control characters",
                "a short password   | alice2 | short                 | password is shorter than 8 characters",
                "no username        | ''     | correct horse battery | username is required",
            })
    void refusesInvalidInputWithATypedMessage(String description, String username, String password, String message) {
        register(Map.of("username", username, "password", password))
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("invalid-request"))
                .body("message", equalTo(message));
    }

    @Test
    void malformedJsonIsATypedBadRequestWithoutTheInput() {
        String body = register("{\"username\": \"x\", \"password\": \"hunter2hunter2\"")
                .statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("malformed-json"))
                .body("message", containsString("not valid JSON"))
                .extract()
                .asString();
        assertTrue(!body.contains("hunter2") && !body.contains("at org."), body);
    }

    @Test
    void wrongJsonShapeIsATypedBadRequest() {
        register("{\"username\": [1, 2], \"password\": \"x\"}")
                .statusCode(400)
                .body("error", equalTo("malformed-json"))
                .body("message", containsString("'username'"));
        register("[]").statusCode(400).body("error", equalTo("malformed-json"));
    }

    @Test
    void emptyBodyIsATypedBadRequest() {
        given().contentType(ContentType.JSON)
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid-request"))
                .body("message", equalTo("request body is required"));
    }

    @Test
    void wrongContentTypeIsATypedUnsupportedMediaType() {
        given().contentType(ContentType.URLENC)
                .formParam("username", "x")
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(415)
                .body("error", equalTo("unsupported-media-type"));
    }

    @Test
    void oversizedBodyIsRefusedBeforeItIsRead() {
        String big = "{\"username\":\"" + "a".repeat(9000) + "\",\"password\":\"x\"}";
        register(big)
                .statusCode(413)
                .contentType(ContentType.JSON)
                .body("error", equalTo("body-too-large"))
                .body("message", containsString("exceeds the limit of 8192 bytes"));
    }

    @Test
    void bodyOverTheServerLimitIsRefusedToo() throws IOException {
        // The length is announced and only the start of the body sent: the server refuses on the length, and the test
        // does not race the server's close of the connection against the writing of 200 KB (a broken pipe).
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 200000\r\n\r\n{\"username\":\"aaaa")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertTrue(status != null && status.startsWith("HTTP/1.1 413 "), String.valueOf(status));
        }
    }

    @Test
    void accountNeedsALogin() {
        given().when()
                .get("/api/account")
                .then()
                .statusCode(401)
                .body("error", equalTo("not-logged-in"))
                .body("message", equalTo("log in first"));
    }

    @Test
    void showsTheAccountAndUpdatesTheProfile() {
        String name = TestUsers.registerNew("profile");
        String token = TestUsers.token(name);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/account")
                .then()
                .statusCode(200)
                .body("username", equalTo(name));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "Alice Liddell", "avatarUrl", "https://img.example/a.png"))
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(200)
                .body("displayName", equalTo("Alice Liddell"))
                .body("avatarUrl", equalTo("https://img.example/a.png"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("avatarUrl", "javascript:alert(1)"))
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(400)
                .body("message", equalTo("avatarUrl must be an https URL without user info"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "x".repeat(65)))
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid-request"));
    }

    @Test
    void passwordChangeNeedsTheCurrentPasswordAndRevokesEverySession() {
        String name = TestUsers.registerNew("change");
        String token = TestUsers.token(name);
        String otherToken = TestUsers.token(name);
        String cookie = TestUsers.cookie(name);

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not the password", "newPassword", "a new password"))
                .when()
                .put("/api/account/password")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid-credentials"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "short"))
                .when()
                .put("/api/account/password")
                .then()
                .statusCode(400)
                .body("message", equalTo("newPassword is shorter than 8 characters"));

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "a new password"))
                .when()
                .put("/api/account/password")
                .then()
                .statusCode(204);

        for (String revoked : new String[] {token, otherToken}) {
            given().auth().oauth2(revoked).when().get("/api/account").then().statusCode(401);
        }
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .when()
                .get("/api/account")
                .then()
                .statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", TestUsers.PASSWORD))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(401);
        String fresh = TestUsers.token(name, "a new password");
        given().auth().oauth2(fresh).when().get("/api/account").then().statusCode(200);
    }

    @Test
    void deletionNeedsThePasswordAndRemovesSessionsAndConsents() {
        String name = TestUsers.registerNew("delete");
        String token = TestUsers.token(name);
        String cookie = TestUsers.cookie(name);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("origin", "https://rp.example"))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("password", "wrong password"))
                .when()
                .delete("/api/account")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid-credentials"));
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .header(CsrfFilter.HEADER, "1")
                .contentType(ContentType.JSON)
                .body(Map.of("password", TestUsers.PASSWORD))
                .when()
                .delete("/api/account")
                .then()
                .statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));

        given().auth().oauth2(token).when().get("/api/account").then().statusCode(401);
        assertTrue(accounts.find(name).isEmpty());

        TestUsers.register(name);
        String again = TestUsers.token(name);
        given().auth()
                .oauth2(again)
                .when()
                .get("/api/consents")
                .then()
                .statusCode(200)
                .body("origins.size()", equalTo(0));
        assertEquals(1, accounts.find(name).stream().count());
    }
}
