package org.callsign.idp.frame;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.callsign.idp.TestUsers;
import org.callsign.idp.session.rest.CsrfFilter;
import org.callsign.idp.session.service.SessionCookies;
import org.junit.jupiter.api.Test;

/**
 * The IdP proxy frame for browsers without WebRTC identity: the frame page any site may embed, its sign-in hand-off
 * page, and the exchange of a session cookie for a bearer token that only the IdP's own pages can make.
 */
@QuarkusTest
class ProxyFrameTest {

    @Test
    void theFrameLoadsItsScriptAndTheProxyAndMayBeEmbeddedAnywhere() {
        given().when()
                .get("/proxy-frame/default")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("frame-ancestors *"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Frame-Options", equalTo(null))
                .body(containsString("src=\"/assets/proxy-frame.js\""))
                .body(containsString("data-proxy=\"/.well-known/idp-proxy/default\""));
        given().when()
                .get("/assets/proxy-frame.js")
                .then()
                .statusCode(200)
                .body(containsString("callsign-idp-request"));
    }

    @Test
    void anUnknownProtocolHasNoFrame() {
        given().when().get("/proxy-frame/other").then().statusCode(404);
    }

    @Test
    void theHandOffPageCannotBeFramedAndChecksTheOrigin() {
        given().when()
                .get("/proxy-frame/handoff?origin=https://sig.example")
                .then()
                .statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .body(containsString("data-target-origin=\"https://sig.example\""))
                .body(containsString("/assets/proxy-frame-handoff.js"));
        given().when()
                .get("/proxy-frame/handoff?origin=javascript:alert(1)")
                .then()
                .statusCode(400);
    }

    @Test
    void aSessionCookieIsExchangedForABearerTokenOfTheSameUser() {
        String name = TestUsers.registerNew("frame");
        String cookie = TestUsers.cookie(name);
        String token = given().cookie(SessionCookies.SECURE_NAME, cookie)
                .header(CsrfFilter.HEADER, "1")
                .when()
                .post(SessionBearerResource.PATH)
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .body("token_type", equalTo("Bearer"))
                .body("access_token", not(equalTo(cookie)))
                .extract()
                .path("access_token");
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/api/session")
                .then()
                .statusCode(200)
                .body("username", equalTo(name))
                .body("kind", equalTo("bearer"));
    }

    @Test
    void theExchangeNeedsTheCsrfHeaderAndACookieNotABearer() {
        String name = TestUsers.registerNew("frame");
        given().cookie(SessionCookies.SECURE_NAME, TestUsers.cookie(name))
                .when()
                .post(SessionBearerResource.PATH)
                .then()
                .statusCode(403)
                .body("error", equalTo("csrf-check-failed"));
        given().header("Authorization", "Bearer " + TestUsers.token(name))
                .when()
                .post(SessionBearerResource.PATH)
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid-request"));
        given().when().post(SessionBearerResource.PATH).then().statusCode(401);
    }
}
