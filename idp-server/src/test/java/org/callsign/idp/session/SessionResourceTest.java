package org.callsign.idp.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import java.util.Map;
import org.callsign.idp.TestUsers;
import org.callsign.idp.session.rest.CsrfFilter;
import org.callsign.idp.session.service.SessionCookies;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionResourceTest {

    private static final String OWN_ORIGIN = "https://localhost:8081";

    private static Response login(String username, String password) {
        return given().contentType(ContentType.JSON)
                .header(CsrfFilter.HEADER, "1")
                .body(Map.of("username", username, "password", password))
                .when()
                .post("/api/session");
    }

    @Test
    void loginSetsAHostOnlyHttpOnlySecureLaxCookie() {
        String name = TestUsers.registerNew("cookie");
        Response response = login(name, TestUsers.PASSWORD);
        response.then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("identity", equalTo(name + "@localhost:8081"))
                .body("kind", equalTo("cookie"));
        Cookie cookie = response.getDetailedCookie(SessionCookies.SECURE_NAME);
        assertNotNull(cookie, "cookie named " + SessionCookies.SECURE_NAME);
        assertTrue(cookie.isHttpOnly());
        assertTrue(cookie.isSecured());
        assertEquals("Lax", cookie.getSameSite());
        assertEquals("/", cookie.getPath());
        assertEquals(null, cookie.getDomain());
        assertEquals(12 * 3600, cookie.getMaxAge());
        assertEquals(43, cookie.getValue().length());
    }

    @Test
    void theCookieAuthenticatesAndLogoutRevokesIt() {
        String name = TestUsers.registerNew("logout");
        String cookie = TestUsers.cookie(name);
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .when()
                .get("/api/session")
                .then()
                .statusCode(200)
                .body("username", equalTo(name))
                .body("kind", equalTo("cookie"));
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .header(CsrfFilter.HEADER, "1")
                .when()
                .delete("/api/session")
                .then()
                .statusCode(204)
                .header("Set-Cookie", containsString(SessionCookies.SECURE_NAME + "=; Path=/; Max-Age=0; HttpOnly"));
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .when()
                .get("/api/session")
                .then()
                .statusCode(401)
                .body("error", equalTo("not-logged-in"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        String name = TestUsers.registerNew("wrong");
        String wrong = login(name, "not the password")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid-credentials"))
                .extract()
                .asString();
        String unknown = login(TestUsers.uniqueName("nobody"), "not the password")
                .then()
                .statusCode(401)
                .extract()
                .asString();
        String invalidName = login("not@valid", "not the password")
                .then()
                .statusCode(401)
                .extract()
                .asString();
        assertEquals(wrong, unknown);
        assertEquals(wrong, invalidName);
        assertEquals("{\"error\":\"invalid-credentials\",\"message\":\"wrong username or password\"}", wrong);
    }

    @Test
    void theCookieLoginNeedsTheCsrfHeader() {
        String name = TestUsers.registerNew("csrf-login");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", TestUsers.PASSWORD))
                .when()
                .post("/api/session")
                .then()
                .statusCode(403)
                .body("error", equalTo("csrf-check-failed"))
                .body("message", equalTo("missing X-Callsign-Csrf header: required with the session cookie"));
    }

    @Test
    void aFormPostWithoutScriptIsRefusedNotAccepted() {
        given().contentType(ContentType.URLENC)
                .formParam("username", "alice")
                .formParam("password", TestUsers.PASSWORD)
                .when()
                .post("/api/session")
                .then()
                .statusCode(403)
                .body("error", equalTo("csrf-check-failed"));
    }

    @Test
    void crossOriginCookieRequestsAreRefusedEvenWithTheHeader() {
        String name = TestUsers.registerNew("csrf-origin");
        String cookie = TestUsers.cookie(name);
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .header(CsrfFilter.HEADER, "1")
                .header("Origin", "https://evil.example")
                .when()
                .delete("/api/session")
                .then()
                .statusCode(403)
                .body("message", equalTo("cross-origin request refused: Origin https://evil.example"));
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .header(CsrfFilter.HEADER, "1")
                .header("Origin", OWN_ORIGIN)
                .when()
                .get("/api/session")
                .then()
                .statusCode(200);
    }

    @Test
    void theOriginTheRequestWasSentToIsTheIdpsOwnButAnotherPortIsNot() throws Exception {
        String cookie = TestUsers.cookie(TestUsers.registerNew("csrf-host"));
        String scheme = java.net.URI.create(io.restassured.RestAssured.baseURI).getScheme();
        assertTrue(bearerExchange(cookie, "localhost:9443", scheme + "://localhost:9443")
                .startsWith("HTTP/1.1 200"));
        String refused = bearerExchange(cookie, "localhost:9443", scheme + "://localhost:9444");
        assertTrue(refused.startsWith("HTTP/1.1 403") && refused.contains("csrf-check-failed"), refused);
    }

    /** POST /api/session/bearer with this Host and Origin (a client library would not send another Host). */
    private static String bearerExchange(String cookie, String host, String origin) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            String request = "POST " + org.callsign.idp.frame.SessionBearerResource.PATH + " HTTP/1.1\r\n"
                    + "Host: " + host + "\r\nOrigin: " + origin + "\r\n" + CsrfFilter.HEADER + ": 1\r\n"
                    + "Cookie: " + SessionCookies.SECURE_NAME + "=" + cookie + "\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void cookieAuthenticatedStateChangesNeedTheCsrfHeaderButBearerOnesDoNot() {
        String name = TestUsers.registerNew("csrf-state");
        String cookie = TestUsers.cookie(name);
        String token = TestUsers.token(name);
        Map<String, String> profile = Map.of("displayName", "Mallory's choice");
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .contentType(ContentType.JSON)
                .body(profile)
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(403)
                .body("error", equalTo("csrf-check-failed"));
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .contentType(ContentType.JSON)
                .body(Map.of("origin", "https://evil.example"))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(403);
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .header(CsrfFilter.HEADER, "1")
                .header("Origin", OWN_ORIGIN)
                .contentType(ContentType.JSON)
                .body(profile)
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .header("Origin", "https://app.example")
                .contentType(ContentType.JSON)
                .body(profile)
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(200);
    }

    @Test
    void aCookieIsNoBearerTokenAndATokenIsNoCookie() {
        String name = TestUsers.registerNew("kinds");
        String cookie = TestUsers.cookie(name);
        String token = TestUsers.token(name);
        given().auth()
                .oauth2(cookie)
                .when()
                .get("/api/session")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid-token"));
        given().cookie(SessionCookies.SECURE_NAME, token)
                .when()
                .get("/api/session")
                .then()
                .statusCode(401);
    }

    @Test
    void aBearerHeaderWinsOverACookie() {
        String name = TestUsers.registerNew("both");
        String cookie = TestUsers.cookie(name);
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .auth()
                .oauth2("A".repeat(43))
                .when()
                .get("/api/session")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid-token"));
    }

    @Test
    void logoutNeedsALogin() {
        given().when().delete("/api/session").then().statusCode(401).body("error", equalTo("not-logged-in"));
    }
}
