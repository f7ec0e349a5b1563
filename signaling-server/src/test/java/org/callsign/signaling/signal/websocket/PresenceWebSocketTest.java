package org.callsign.signaling.signal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.Await;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.callsign.signaling.signal.service.OnlineDevices;
import org.callsign.signaling.signal.service.SignalingService;
import org.callsign.wellknown.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Peer lists and updates (peerbook) over WebSocket. */
@QuarkusTest
class PresenceWebSocketTest {
    @Inject
    MutableClock clock;

    @Inject
    SignalingService signaling;

    @Inject
    OnlineDevices online;

    private TwoDevices devices;
    private SignalingClient a;

    @BeforeEach
    void laptopOnline() {
        devices = TwoDevices.register("ws-presence");
        a = SignalingClient.connect(devices.token(), devices.laptop());
    }

    @AfterEach
    void close() {
        a.close();
    }

    private JsonNode nextPeer() {
        return a.next("peer-update").path("peer");
    }

    @Test
    void theListOnConnectNamesEveryOtherDeviceAndWhetherItIsOnline() {
        try (SignalingClient b = SignalingClient.connect(devices.token(), devices.phone())) {
            JsonNode peers = b.peers().path("peers");

            assertEquals(1, peers.size());
            assertEquals(devices.laptop(), peers.get(0).path("id").asText());
            assertEquals("Laptop", peers.get(0).path("name").asText());
            assertEquals(
                    SdpFixtures.CHROMIUM_OFFER.fingerprint(),
                    peers.get(0).path("fingerprint").asText());
            assertTrue(peers.get(0).path("verified").asBoolean());
            assertTrue(peers.get(0).path("online").asBoolean());
        }
    }

    @Test
    void aPeerIsOnlineWhenItConnectsAndOfflineOnlyAfterItsResumeWindow() {
        SignalingClient b = SignalingClient.connect(devices.token(), devices.phone());
        JsonNode connected = nextPeer();
        assertEquals(devices.phone(), connected.path("id").asText());
        assertTrue(connected.path("online").asBoolean());

        b.drop();
        Await.dropped(online, devices.client(), devices.phone());
        a.expectNothing(Duration.ofMillis(100));
        clock.advance(Duration.ofSeconds(30));
        signaling.expire();

        JsonNode offline = nextPeer();
        assertEquals(devices.phone(), offline.path("id").asText());
        assertFalse(offline.path("online").asBoolean());
    }

    @Test
    void renamingUnverifyingAndRemovingAPeerAreAnnounced() {
        TestClients.as(devices.client())
                .contentType("application/json")
                .body(Map.of(
                        "name", "Old phone", "kind", "phone", "fingerprint", SdpFixtures.CHROMIUM_ANSWER.fingerprint()))
                .when()
                .put("/api/devices/" + devices.phone())
                .then()
                .statusCode(200);
        assertEquals("Old phone", nextPeer().path("name").asText());

        TestClients.verify(devices.client(), devices.phone(), false);
        assertFalse(nextPeer().path("verified").asBoolean());

        TestClients.as(devices.client())
                .when()
                .delete("/api/devices/" + devices.phone())
                .then()
                .statusCode(204);
        assertEquals(devices.phone(), a.next("peer-removed").path("device").asText());
    }

    @Test
    void aRemovedDevicesConnectionCloses() {
        try (SignalingClient b = SignalingClient.connect(devices.token(), devices.phone())) {
            nextPeer();

            TestClients.as(devices.client())
                    .when()
                    .delete("/api/devices/" + devices.phone())
                    .then()
                    .statusCode(204);

            assertEquals("device-removed", b.await("error").path("error").asText());
            assertEquals(new SignalingClient.Closed(4410, "device-removed"), b.awaitClose());
            assertEquals(devices.phone(), a.next("peer-removed").path("device").asText());
        }
    }
}
