package org.callsign.idp.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.callsign.idp.TestUsers;
import org.callsign.idp.session.service.SessionCookies;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConsentPageTest {

    @Test
    void sendsAnAnonymousVisitorToLoginAndBack() {
        given().redirects()
                .follow(false)
                .queryParam("origin", "https://rp.example")
                .when()
                .get("/consent")
                .then()
                .statusCode(303)
                .header(
                        "Location",
                        containsString(
                                "/login?origin=https%3A%2F%2Frp.example&next=%2Fconsent%3Forigin%3Dhttps%253A%252F%252Frp.example"));
    }

    @Test
    void asksTheLoggedInUserAboutTheOrigin() {
        String name = TestUsers.registerNew("consentpage");
        String cookie = TestUsers.cookie(name);
        given().cookie(SessionCookies.SECURE_NAME, cookie)
                .queryParam("origin", "https://RP.example")
                .when()
                .get("/consent")
                .then()
                .statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(containsString("data-origin=\"https://rp.example\""))
                .body(containsString("<strong>" + name + "@localhost:8081</strong>"))
                .body(containsString("<label for=\"claim-name\">Display name (not set)</label>"))
                .body(containsString("id=\"deny\""));
    }

    @Test
    void refusesAMissingOrInvalidOrigin() {
        given().when().get("/consent").then().statusCode(400).body(containsString("origin is missing or not a valid"));
        given().queryParam("origin", "http://rp.example")
                .when()
                .get("/consent")
                .then()
                .statusCode(400);
    }
}
