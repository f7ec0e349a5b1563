package org.callsign.signaling.signal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.callsign.signaling.TestClients;
import org.callsign.signaling.signal.RawWebSocket;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.junit.jupiter.api.Test;

/** The server's pings, and what becomes of a connection that answers none of them. */
@QuarkusTest
@TestProfile(SlowPeersProfile.class)
class HeartbeatTest {

    @Test
    void aConnectionThatAnswersNoPingIsClosedAfterTwoHeartbeats() throws Exception {
        String client = TestClients.registerNew("ws-silent");
        String laptop = TestClients.device(client, "Laptop", SdpFixtures.CHROMIUM_OFFER.fingerprint());
        long start = System.nanoTime();
        try (RawWebSocket silent =
                RawWebSocket.connect("device=" + laptop, TestClients.token(client), Duration.ofSeconds(10))) {
            RawWebSocket.Frame close = silent.untilClose();

            assertEquals(4408, close.closeCode());
            assertTrue(close.text().endsWith("heartbeat-timeout"), close.text());
            assertTrue(silent.pings() >= 1, "pinged " + silent.pings() + " times");
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(2)) >= 0);
        }
    }

    @Test
    void aConnectionThatAnswersPingsStaysOpen() throws InterruptedException {
        String client = TestClients.registerNew("ws-alive");
        String laptop = TestClients.device(client, "Laptop", SdpFixtures.CHROMIUM_OFFER.fingerprint());
        try (SignalingClient a = SignalingClient.connect(TestClients.token(client), laptop)) {
            Thread.sleep(3500);

            assertEquals(
                    "pong", a.call(SignalingClient.message("ping")).path("type").asText());
        }
    }
}
