package org.callsign.idp.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import org.callsign.idp.MutableClock;
import org.callsign.idp.TestUsers;
import org.callsign.idp.key.KeyService;
import org.callsign.idp.session.store.SessionStore;
import org.callsign.server.store.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class TokenResourceTest {

    @Inject
    MutableClock clock;

    @Inject
    KeyService keys;

    @Inject
    KeyValueStore store;

    private static void refused(String authorization) {
        given().header("Authorization", authorization)
                .when()
                .get("/api/account")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""))
                .body("error", equalTo("invalid-token"))
                .body("message", equalTo("bearer token is invalid, expired or revoked"));
    }

    private static JWTClaimsSet claims(String name) {
        return new JWTClaimsSet.Builder()
                .subject(name + "@localhost:8081")
                .issuer("https://localhost:8081")
                .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                .build();
    }

    @Test
    void issuesAnOpaqueTokenInOAuthTerms() {
        String name = TestUsers.registerNew("token");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", TestUsers.PASSWORD))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .header("Set-Cookie", equalTo(null))
                .body("access_token", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(7 * 24 * 3600))
                .body("identity", equalTo(name + "@localhost:8081"));
    }

    @Test
    void theTokenAuthenticatesUntilLogout() {
        String name = TestUsers.registerNew("bearer");
        String token = TestUsers.token(name);
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/session")
                .then()
                .statusCode(200)
                .body("kind", equalTo("bearer"));
        given().auth().oauth2(token).when().delete("/api/session").then().statusCode(204);
        refused("Bearer " + token);
    }

    @Test
    void anExpiredTokenIsRefusedAndForgotten() {
        String name = TestUsers.registerNew("expired");
        String token = TestUsers.token(name);
        int before = store.entries(SessionStore.NAMESPACE).size();
        clock.advance(Duration.ofDays(7));
        refused("Bearer " + token);
        org.junit.jupiter.api.Assertions.assertEquals(
                before - 1, store.entries(SessionStore.NAMESPACE).size());
    }

    @Test
    void aWrongPasswordGetsNoToken() {
        String name = TestUsers.registerNew("notoken");
        given().contentType(ContentType.JSON)
                .body(Map.of("username", name, "password", "not the password"))
                .when()
                .post("/api/tokens")
                .then()
                .statusCode(401)
                .body("error", equalTo("invalid-credentials"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "Bearer ",
                "Bearer not-a-token",
                "Basic YWxpY2U6cGFzc3dvcmQ=",
                "Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.x",
            })
    void refusesForgedAndMalformedTokens(String authorization) {
        refused(authorization);
    }

    @Test
    void refusesAnUnsignedJwt() {
        String name = TestUsers.registerNew("none");
        refused("Bearer " + new PlainJWT(claims(name)).serialize());
    }

    @Test
    void refusesAJwtSignedWithAnotherKey() throws Exception {
        String name = TestUsers.registerNew("otherkey");
        ECKey other = new ECKeyGenerator(Curve.P_256).generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims(name));
        jwt.sign(new ECDSASigner(other));
        refused("Bearer " + jwt.serialize());
    }

    @Test
    void refusesAJwtSignedWithTheIdpsOwnAssertionKey() throws Exception {
        String name = TestUsers.registerNew("assertionkey");
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(keys.current().kid())
                        .build(),
                claims(name));
        jwt.sign(new ECDSASigner(keys.current().jwk().toECKey()));
        refused("Bearer " + jwt.serialize());
    }

    @Test
    void refusesAnHs256JwtKeyedWithThePublicKey() throws Exception {
        String name = TestUsers.registerNew("hs256");
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(name));
        byte[] secret = keys.current().publicJwk().toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        jwt.sign(new MACSigner(secret));
        refused("Bearer " + jwt.serialize());
    }
}
