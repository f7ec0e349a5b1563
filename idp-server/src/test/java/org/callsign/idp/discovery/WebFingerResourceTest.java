package org.callsign.idp.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.callsign.idp.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class WebFingerResourceTest {

    private static final String PATH = "/.well-known/webfinger";
    private static final String DOMAIN = "localhost:8081";

    @Test
    void describesAUserWithTheirProxyAndIssuer() {
        String user = TestUsers.registerNew("finger");
        given().queryParam("resource", "acct:" + user + "@" + DOMAIN)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/jrd+json"))
                .header("Access-Control-Allow-Origin", "*")
                .body("subject", equalTo("acct:" + user + "@" + DOMAIN))
                .body("aliases", nullValue())
                .body("links.rel", contains(WebFingerRels.IDP_PROXY, WebFingerRels.OPENID_ISSUER))
                .body("links[0].href", equalTo("https://localhost:8081/.well-known/idp-proxy/default"))
                .body("links[0].type", equalTo("text/javascript"))
                .body("links[1].href", equalTo("https://localhost:8081"));
    }

    @Test
    void linksTheSignalingServerOnceTheUserSetsOne() {
        String user = TestUsers.registerNew("signal");
        String token = TestUsers.token(user);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("signalingServer", "https://signal.example"))
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(200)
                .body("signalingServer", equalTo("https://signal.example"));
        given().queryParam("resource", "acct:" + user + "@" + DOMAIN)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body(
                        "links.rel",
                        contains(WebFingerRels.IDP_PROXY, WebFingerRels.OPENID_ISSUER, WebFingerRels.SIGNALING_SERVER))
                .body("links[2].href", equalTo("https://signal.example"));
        given().queryParam("resource", "acct:" + user + "@" + DOMAIN)
                .queryParam("rel", WebFingerRels.SIGNALING_SERVER)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("subject", equalTo("acct:" + user + "@" + DOMAIN))
                .body("links.rel", contains(WebFingerRels.SIGNALING_SERVER));
        given().queryParam("resource", "acct:" + user + "@" + DOMAIN)
                .queryParam("rel", WebFingerRels.IDP_PROXY)
                .queryParam("rel", WebFingerRels.OPENID_ISSUER)
                .when()
                .get(PATH)
                .then()
                .body("links.rel", contains(WebFingerRels.IDP_PROXY, WebFingerRels.OPENID_ISSUER));
        given().queryParam("resource", "acct:" + user + "@" + DOMAIN)
                .queryParam("rel", "self")
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("links", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://signal.example", "http://signal.example", "https://u:p@signal.example", "not a url"})
    void refusesSignalingServersThatAreNotHttpsUrls(String url) {
        String token = TestUsers.token(TestUsers.registerNew("badsignal"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("signalingServer", url))
                .when()
                .put("/api/account/profile")
                .then()
                .statusCode(400)
                .body("error", equalTo("invalid-request"));
    }

    @Test
    void normalisesTheUserPartAndKeepsTheAskedResourceAsAlias() {
        String user = TestUsers.registerNew("case");
        String asked = "acct:" + user.toUpperCase(java.util.Locale.ROOT) + "@" + DOMAIN;
        given().queryParam("resource", asked)
                .when()
                .get(PATH)
                .then()
                .statusCode(200)
                .body("subject", equalTo("acct:" + user + "@" + DOMAIN))
                .body("aliases", contains(asked));
    }

    @Test
    void missingOrMalformedResourceIs400() {
        given().when().get(PATH).then().statusCode(400).header("Access-Control-Allow-Origin", "*");
        for (String resource : new String[] {"", "alice", "https://localhost:8081/alice", "acct:", "acct:@" + DOMAIN}) {
            given().queryParam("resource", resource)
                    .when()
                    .get(PATH)
                    .then()
                    .statusCode(400)
                    .body("error", equalTo("invalid-request"));
        }
    }

    @Test
    void unknownUsersAndOtherDomainsAre404() {
        String user = TestUsers.registerNew("other");
        for (String resource : new String[] {
            "acct:nobody-" + user + "@" + DOMAIN,
            "acct:" + user + "@other.example",
            "acct:" + user + "@localhost",
            "acct:" + user + "%40x@" + DOMAIN
        }) {
            given().queryParam("resource", resource)
                    .when()
                    .get(PATH)
                    .then()
                    .statusCode(404)
                    .header("Access-Control-Allow-Origin", "*")
                    .body("error", equalTo("not-found"));
        }
    }
}
