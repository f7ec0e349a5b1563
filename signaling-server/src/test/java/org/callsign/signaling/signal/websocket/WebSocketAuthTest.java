package org.callsign.signaling.signal.websocket;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.token.service.TokenService;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bearer token at the upgrade, in {@code Authorization} or as a subprotocol; refusals before the upgrade with the
 * API's JSON errors; connections closing when their credentials are revoked.
 */
@QuarkusTest
class WebSocketAuthTest {
    @Inject
    MutableClock clock;

    @Inject
    TokenService tokens;

    private String client;
    private String token;
    private String laptop;

    @BeforeEach
    void clientWithADevice() {
        client = TestClients.registerNew("ws-auth");
        token = TestClients.token(client);
        laptop = TestClients.device(client, "Laptop", SdpFixtures.CHROMIUM_OFFER.fingerprint());
    }

    @Test
    void aBrowserSendsItsTokenAsASubprotocolAndTheServerSelectsOnlyTheProtocol() {
        try (SignalingClient a = SignalingClient.open(
                SignalingClient.uri("device=" + laptop), null, List.of("callsign.v1", "callsign.bearer." + token))) {
            assertEquals("callsign.v1", a.subprotocol());
            assertEquals(laptop, a.greeted().welcome().path("device").path("id").asText());
        }
    }

    @Test
    void aTokenInTheAuthorizationHeaderNeedsNoSubprotocol() {
        try (SignalingClient a = SignalingClient.connect(token, laptop)) {
            assertEquals("", a.subprotocol());
        }
    }

    @Test
    void anUpgradeWithoutCredentialsIsRefusedWithTheChallenges() {
        Upgrades.send(Upgrades.upgrade(), laptop)
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer realm=\"callsign-signaling\""))
                .body("error", equalTo("not-authenticated"));
    }

    @Test
    void aWrongExpiredOrRevokedTokenIsRefusedBeforeTheUpgrade() {
        Upgrades.send(Upgrades.upgrade().header("Authorization", "Bearer " + "x".repeat(43)), laptop)
                .statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("error", equalTo("invalid-token"))
                .body("message", equalTo("bearer token is invalid, expired or revoked"));

        String revoked = TestClients.token(client);
        TestClients.bearer(revoked).when().delete("/api/tokens/current").then().statusCode(204);
        Upgrades.send(
                        Upgrades.upgrade().header("Sec-WebSocket-Protocol", "callsign.v1, callsign.bearer." + revoked),
                        laptop)
                .statusCode(401)
                .body("error", equalTo("invalid-token"));

        String expiring = TestClients.token(client);
        clock.advance(Duration.ofHours(25));
        Upgrades.send(Upgrades.upgrade().header("Authorization", "Bearer " + expiring), laptop)
                .statusCode(401)
                .body("error", equalTo("invalid-token"));
    }

    @Test
    void theDeviceMustBeNamedAndBeTheClientsOwn() {
        String other = TestClients.registerNew("ws-auth-other");
        String stranger = TestClients.device(other, "Stranger", SdpFixtures.WEBRTC_JAVA_OFFER.fingerprint());

        Upgrades.send(Upgrades.upgrade().header("Authorization", "Bearer " + token), null)
                .statusCode(400)
                .body("error", equalTo("invalid-request"))
                .body("message", equalTo("device is missing: connect to /ws?device=<device id>"));
        Upgrades.send(Upgrades.upgrade().header("Authorization", "Bearer " + token), stranger)
                .statusCode(404)
                .body("error", equalTo("not-found"));
    }

    @Test
    void aTokenSubprotocolWithoutTheProtocolOrNextToAHeaderIsRefused() {
        Upgrades.send(Upgrades.upgrade().header("Sec-WebSocket-Protocol", "callsign.bearer." + token), laptop)
                .statusCode(400)
                .body("message", equalTo("offer the subprotocol callsign.v1 with the bearer token"));
        Upgrades.send(
                        Upgrades.upgrade()
                                .header("Authorization", "Bearer " + token)
                                .header("Sec-WebSocket-Protocol", "callsign.v1, callsign.bearer." + token),
                        laptop)
                .statusCode(400)
                .body("error", equalTo("invalid-request"));
        Upgrades.send(Upgrades.upgrade().auth().preemptive().basic(client, TestClients.KEY), laptop)
                .statusCode(401)
                .body("error", equalTo("not-authenticated"));
    }

    @Test
    void aConnectionOpensOnlyWhileItsTokenIsActive() {
        String revoked = TestClients.token(client);
        String expiring = TestClients.token(client);
        assertTrue(tokens.isActive(OpaqueTokens.storeKey(revoked)));

        TestClients.bearer(revoked).when().delete("/api/tokens/current").then().statusCode(204);
        clock.advance(Duration.ofHours(25));

        assertFalse(tokens.isActive(OpaqueTokens.storeKey(revoked)));
        assertFalse(tokens.isActive(OpaqueTokens.storeKey(expiring)));
    }

    @Test
    void revokingTheTokenClosesItsConnectionsOnly() {
        String phone = TestClients.device(client, "Phone", SdpFixtures.CHROMIUM_ANSWER.fingerprint());
        String second = TestClients.token(client);
        try (SignalingClient a = SignalingClient.connect(token, laptop);
                SignalingClient b = SignalingClient.connect(second, phone)) {

            TestClients.bearer(token)
                    .when()
                    .delete("/api/tokens/current")
                    .then()
                    .statusCode(204);

            assertEquals("credentials-revoked", a.await("error").path("error").asText());
            assertEquals(new SignalingClient.Closed(4401, "credentials-revoked"), a.awaitClose());
            assertEquals(
                    "pong", b.call(SignalingClient.message("ping")).path("type").asText());
        }
    }

    @Test
    void revokingEveryTokenOrChangingTheKeyClosesEveryConnection() {
        String phone = TestClients.device(client, "Phone", SdpFixtures.CHROMIUM_ANSWER.fingerprint());
        try (SignalingClient a = SignalingClient.connect(token, laptop)) {
            TestClients.as(client).when().delete("/api/tokens").then().statusCode(204);
            assertEquals(4401, a.awaitClose().code());
        }
        try (SignalingClient b = SignalingClient.connect(TestClients.token(client), phone)) {
            TestClients.as(client)
                    .contentType("application/json")
                    .body(Map.of("authKey", "an0ther-key-0123456789-abcdefghij"))
                    .when()
                    .put("/api/clients/" + client + "/key")
                    .then()
                    .statusCode(204);
            assertEquals(4401, b.awaitClose().code());
        }
    }
}
