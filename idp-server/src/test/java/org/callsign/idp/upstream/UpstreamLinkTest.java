package org.callsign.idp.upstream;

import static io.restassured.RestAssured.given;
import static org.callsign.idp.upstream.UpstreamFixture.callback;
import static org.callsign.idp.upstream.UpstreamFixture.idp;
import static org.callsign.idp.upstream.UpstreamFixture.refusal;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.http.HttpResponse;
import java.util.Map;
import org.callsign.idp.TestUsers;
import org.callsign.idp.session.rest.CsrfFilter;
import org.callsign.idp.session.service.SessionCookies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Account linking's refusals: who may link, what, and the API's typed errors. */
@QuarkusTest
@TestProfile(UpstreamProfile.class)
class UpstreamLinkTest {

    private static final String SESSION = SessionCookies.DEVELOPMENT_NAME;

    @BeforeEach
    void providerInstalled() {
        OidcProviderTesting.assumeInstalled();
    }

    @Test
    void linkingNeedsALogin() {
        given().contentType(ContentType.JSON)
                .body(Map.of("provider", "partner"))
                .when()
                .post("/api/upstream-links")
                .then()
                .statusCode(401)
                .body("error", equalTo("not-logged-in"));
    }

    @Test
    void linkingWithTheCookieNeedsTheCsrfHeader() {
        String session = UpstreamFixture.login(TestUsers.registerNew("csrf"));
        given().cookie(SESSION, session)
                .contentType(ContentType.JSON)
                .body(Map.of("provider", "partner"))
                .when()
                .post("/api/upstream-links")
                .then()
                .statusCode(403)
                .body("error", equalTo("csrf-check-failed"));
    }

    @Test
    void linkingToAnUnknownProviderIsATypedError() {
        String session = UpstreamFixture.login(TestUsers.registerNew("unknown"));
        given().cookie(SESSION, session)
                .header(CsrfFilter.HEADER, "1")
                .contentType(ContentType.JSON)
                .body(Map.of("provider", "nobody"))
                .when()
                .post("/api/upstream-links")
                .then()
                .statusCode(404)
                .body("error", equalTo("upstream-unknown-provider"));
    }

    @Test
    void unlinkingALinkThatIsNotTheUsersIsNotFound() {
        String session = UpstreamFixture.login(TestUsers.registerNew("nolink"));
        given().cookie(SESSION, session)
                .header(CsrfFilter.HEADER, "1")
                .queryParam("provider", "partner")
                .queryParam("subject", "someone-else")
                .when()
                .delete("/api/upstream-links")
                .then()
                .statusCode(404)
                .body("error", equalTo("not-found"));
    }

    @Test
    void anUpstreamIdentityLinksToOneAccountOnly() {
        String upstream = TestUsers.uniqueName("shared-upstream");
        HttpResponse<String> first = link(TestUsers.registerNew("first"), upstream);
        assertEquals(200, first.statusCode(), first::body);
        HttpResponse<String> second = link(TestUsers.registerNew("second"), upstream);
        assertEquals("upstream-already-linked", refusal(second, 409));
    }

    /** Logs in with the password, links {@code upstream} of {@code partner}, and returns the callback's page. */
    private static HttpResponse<String> link(String local, String upstream) {
        UpstreamBrowser browser = new UpstreamBrowser();
        browser.setCookie(idp(), SESSION, UpstreamFixture.login(local));
        return browser.get(
                browser.authorize(UpstreamFixture.startLink(browser, "partner"), upstream, callback("partner")));
    }
}
