package org.callsign.idp;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.callsign.idp.session.rest.CsrfFilter;
import org.callsign.idp.session.service.SessionCookies;

/** Registers users and logs them in over the API, for tests of endpoints that need a logged-in user. */
public final class TestUsers {

    /** The password every test user gets. */
    public static final String PASSWORD = "correct horse battery";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestUsers() {}

    /** A username no other test uses. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    /** Registers {@code username} with {@link #PASSWORD}. */
    public static String register(String username) {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", PASSWORD))
                .when()
                .post("/api/accounts")
                .then()
                .statusCode(201);
        return username;
    }

    /** Registers a fresh user and returns its name. */
    public static String registerNew(String prefix) {
        return register(uniqueName(prefix));
    }

    /** A bearer token for the user. */
    public static String token(String username) {
        return token(username, PASSWORD);
    }

    /** A bearer token for the user with {@code password}. */
    public static String token(String username, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", password))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The session cookie's value after a browser login. */
    public static String cookie(String username) {
        return given().contentType(ContentType.JSON)
                .header(CsrfFilter.HEADER, "1")
                .body(Map.of("username", username, "password", PASSWORD))
                .when()
                .post("/api/session")
                .then()
                .statusCode(200)
                .extract()
                .cookie(SessionCookies.SECURE_NAME);
    }
}
