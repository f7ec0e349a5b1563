package org.callsign.idp.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.callsign.idp.TestUsers;
import org.callsign.idp.session.service.SessionCookies;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LoginPageTest {

    @Test
    void servesAnAccessibleFormWithAStrictPolicyThatCannotBeFramed() {
        given().when()
                .get("/login")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header(
                        "Content-Security-Policy",
                        equalTo("default-src 'none'; script-src 'self'; connect-src 'self'; form-action 'self'; "
                                + "base-uri 'none'; frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Cache-Control", equalTo("no-store"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cross-Origin-Opener-Policy", equalTo(null))
                .body(containsString("<label for=\"username\">Username</label>"))
                .body(containsString("<label for=\"password\">Password</label>"))
                .body(containsString("autocomplete=\"current-password\""))
                .body(containsString("method=\"post\" action=\"/api/session\""))
                .body(containsString("<script src=\"/assets/idp-pages.js\" defer></script>"))
                .body(containsString("data-target-origin=\"*\""))
                .body(containsString("data-logged-in=\"false\""))
                .body(not(containsString("<script>")));
    }

    @Test
    void targetsTheMessageAtTheOriginTheRelyingPageNames() {
        given().queryParam("origin", "HTTPS://RP.example:443")
                .when()
                .get("/login")
                .then()
                .statusCode(200)
                .body(containsString("data-target-origin=\"https://rp.example\""));
    }

    @Test
    void refusesInvalidOriginsAndForeignNextPages() {
        given().queryParam("origin", "javascript:alert(1)")
                .when()
                .get("/login")
                .then()
                .statusCode(400)
                .body(containsString("origin is not a valid web origin"));
        for (String next : new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
            given().queryParam("next", next)
                    .when()
                    .get("/login")
                    .then()
                    .statusCode(400)
                    .body(containsString("next must be a path on this site"));
        }
    }

    @Test
    void escapesWhatItEchoes() {
        given().queryParam("next", "/consent?x=\"><img/src=x>")
                .when()
                .get("/login")
                .then()
                .statusCode(200)
                .body(containsString("data-next=\"/consent?x=&quot;&gt;&lt;img/src=x&gt;\""))
                .body(not(containsString("<img")));
    }

    @Test
    void aLoggedInUserIsDoneAtOnce() {
        String name = TestUsers.registerNew("page");
        String cookie = TestUsers.cookie(name);
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .when()
                .get("/login")
                .then()
                .statusCode(200)
                .body(containsString("data-logged-in=\"true\""))
                .body(containsString("Logged in as " + name + "@localhost:8081"))
                .body(not(containsString("<form")));
    }

    @Test
    void theScriptPostsLoginDoneToTheOpenerOrParent() {
        given().when()
                .get("/assets/idp-pages.js")
                .then()
                .statusCode(200)
                .contentType(containsString("javascript"))
                .body(containsString("postMessage('WEBRTC-LOGINDONE', targetOrigin || '*')"))
                .body(containsString("window.opener || (window.parent !== window ? window.parent : null)"))
                .body(containsString("'X-Callsign-Csrf'"));
    }
}
