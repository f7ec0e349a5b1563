package org.callsign.idp.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenIdConfigurationResourceTest {

    @Test
    void issuerDefaultsToHttpsOfTheDomain() {
        given().when()
                .get(OpenIdConfigurationResource.PATH)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .body("issuer", equalTo("https://localhost:8081"))
                .body("jwks_uri", equalTo("https://localhost:8081/.well-known/jwks.json"));
    }

    @Test
    void hasTheFieldsOidcDiscoveryRequiresWithHonestValues() {
        given().when()
                .get(OpenIdConfigurationResource.PATH)
                .then()
                .statusCode(200)
                .body("response_types_supported", empty())
                .body("subject_types_supported", contains("public"))
                .body("id_token_signing_alg_values_supported", contains("ES256"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("authorization_endpoint")))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("token_endpoint")));
    }

    @Test
    void isCacheableAndOpenToEveryOrigin() {
        given().header("Origin", "https://relying.example")
                .when()
                .get(OpenIdConfigurationResource.PATH)
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=300"))
                .header("Access-Control-Allow-Origin", equalTo("*"));
    }
}
