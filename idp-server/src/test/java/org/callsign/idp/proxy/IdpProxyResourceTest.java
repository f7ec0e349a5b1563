package org.callsign.idp.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class IdpProxyResourceTest {

    private static final String PATH = "/.well-known/idp-proxy/default";

    @Test
    void servesTheScriptWithTheIssuerFilledIn() {
        given().when()
                .get(PATH)
                .then()
                .statusCode(200)
                .contentType(startsWith("text/javascript"))
                .header("Access-Control-Allow-Origin", "*")
                .header("Cache-Control", "public, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .header("ETag", startsWith("\""))
                .body(containsString("const ISSUER = \"https://localhost:8081\";"))
                .body(containsString("rtcIdentityProvider.register({generateAssertion, validateAssertion});"))
                .body(not(containsString("__CALLSIGN_ISSUER__")));
    }

    @Test
    void answersNotModifiedForItsEntityTag() {
        String etag = given().when().get(PATH).then().extract().header("ETag");
        given().header("If-None-Match", etag)
                .when()
                .get(PATH)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .header("Cache-Control", "public, max-age=300")
                .body(emptyString());
        given().header("If-None-Match", "W/" + etag + ", \"other\"")
                .when()
                .get(PATH)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"other\"").when().get(PATH).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"other", "Default", "default.js"})
    void knowsNoOtherProtocol(String protocol) {
        given().when()
                .get("/.well-known/idp-proxy/" + protocol)
                .then()
                .statusCode(404)
                .body("error", equalTo("not-found"));
    }
}
