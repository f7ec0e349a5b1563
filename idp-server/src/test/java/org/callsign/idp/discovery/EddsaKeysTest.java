package org.callsign.idp.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** With {@code callsign.idp.keys.algorithm=EdDSA} the IdP generates and publishes Ed25519 keys (RFC 8037). */
@QuarkusTest
@TestProfile(EddsaProfile.class)
class EddsaKeysTest {

    @Test
    void publishesPublicEd25519Keys() {
        Response response = given().when()
                .get(JwksResource.PATH)
                .then()
                .statusCode(200)
                .extract()
                .response();
        List<Map<String, Object>> keys = response.jsonPath().getList("keys");
        assertEquals(2, keys.size());
        for (Map<String, Object> key : keys) {
            assertEquals(Set.of("kty", "crv", "x", "kid", "alg", "use"), key.keySet());
            assertEquals("OKP", key.get("kty"));
            assertEquals("Ed25519", key.get("crv"));
            assertEquals("EdDSA", key.get("alg"));
        }
        assertTrue(!response.asString().contains("\"d\""));
    }

    @Test
    void discoveryNamesEdDsa() {
        given().when()
                .get(OpenIdConfigurationResource.PATH)
                .then()
                .statusCode(200)
                .body("id_token_signing_alg_values_supported", contains("EdDSA"));
    }
}
