package org.callsign.idp.discovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.callsign.idp.MutableClock;
import org.callsign.idp.key.KeyService;
import org.callsign.idp.key.SigningKey;
import org.junit.jupiter.api.Test;

@QuarkusTest
class JwksResourceTest {

    /** Members an EC or OKP public JWK may have; {@code d} and friends never. */
    private static final Set<String> PUBLIC_MEMBERS = Set.of("kty", "crv", "x", "y", "kid", "alg", "use");

    @Inject
    KeyService keys;

    @Inject
    MutableClock clock;

    private static Response jwks() {
        return given().when()
                .get(JwksResource.PATH)
                .then()
                .statusCode(200)
                .extract()
                .response();
    }

    private static List<String> kids(Response response) {
        return response.jsonPath().getList("keys.kid", String.class);
    }

    @Test
    void publishesPublicEs256KeysOnly() throws Exception {
        Response response = jwks();
        List<Map<String, Object>> published = response.jsonPath().getList("keys");
        assertTrue(published.size() >= 2, "current and next key expected: " + published.size());
        for (Map<String, Object> key : published) {
            assertEquals(PUBLIC_MEMBERS, key.keySet(), "members of " + key.get("kid"));
            assertEquals("EC", key.get("kty"));
            assertEquals("P-256", key.get("crv"));
            assertEquals("ES256", key.get("alg"));
            assertEquals("sig", key.get("use"));
        }
        JWKSet set = JWKSet.parse(response.asString());
        for (JWK key : set.getKeys()) {
            assertFalse(key.isPrivate());
            assertEquals(key.computeThumbprint().toString(), key.getKeyID());
        }
    }

    @Test
    void neverServesAPrivateMember() {
        String body = jwks().asString();
        for (String member : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"", "\"k\"")) {
            assertFalse(body.contains(member), member + " in " + body);
        }
    }

    @Test
    void isCacheableBrieflyAndOpenToEveryOrigin() {
        given().header("Origin", "https://relying.example")
                .when()
                .get(JwksResource.PATH)
                .then()
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", equalTo("public, max-age=300"))
                .header("Access-Control-Allow-Origin", equalTo("*"));
    }

    @Test
    void listsTheCurrentKeyFirstThenTheNextKey() {
        List<SigningKey> published = keys.published();
        List<String> kids = kids(jwks());
        assertEquals(keys.current().kid(), kids.get(0));
        assertEquals(published.stream().map(SigningKey::kid).toList(), kids);
    }

    @Test
    void rotationPublishesTheNextKeyBeforeUseAndKeepsTheRetiredKeyUntilExpiry() {
        String oldCurrent = keys.current().kid();
        String next = keys.published().get(1).kid();
        assertEquals(next, kids(jwks()).get(1), "next key published before rotation");

        assertEquals(next, keys.rotate().kid());
        List<String> afterRotation = kids(jwks());
        assertEquals(next, afterRotation.get(0));
        assertTrue(afterRotation.contains(oldCurrent), "retired key still published");

        clock.advance(keys.policy().retention().minusSeconds(1));
        keys.maintain();
        assertTrue(kids(jwks()).contains(oldCurrent), "retired key removed before its assertions expired");

        clock.advance(Duration.ofSeconds(1));
        keys.maintain();
        given().when()
                .get(JwksResource.PATH)
                .then()
                .statusCode(200)
                .body("keys.kid", not(hasItem(oldCurrent)))
                .body("keys.kid", hasItem(next))
                .body("keys.use", everyItem(equalTo("sig")));
    }
}
