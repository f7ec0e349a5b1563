package org.callsign.signaling.signal.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.callsign.signaling.signal.SdpFixtures;
import org.callsign.signaling.signal.SignalingClient;
import org.callsign.signaling.signal.TwoDevices;
import org.callsign.signaling.signal.service.OnlineDevices;
import org.junit.jupiter.api.Test;

/**
 * A device that stops reading: its connection falls behind and is closed as too slow; what is sent to it next is held
 * for it to resume; the sender is never blocked.
 */
@QuarkusTest
@TestProfile(SlowPeersProfile.class)
class SlowConsumerTest {
    /** About 48 KB of padding in 6 attribute lines of SDP (each within browser-shim's 8 KiB line limit). */
    private static final String PADDING = ("a=x-padding:" + "p".repeat(8000) + "\r\n").repeat(6);

    @Inject
    OnlineDevices online;

    @Test
    void aConnectionThatStopsReadingIsClosedAndItsMessagesAreHeld() {
        TwoDevices devices = TwoDevices.register("ws-slow");
        String sdp = SdpFixtures.CHROMIUM_OFFER.sdp() + PADDING;
        try (SignalingClient a = SignalingClient.connect(devices.token(), devices.laptop());
                SignalingClient b = SignalingClient.connect(devices.token(), devices.phone())) {
            a.next("peer-update");
            b.stopReading();

            String status = "delivered";
            int sent = 0;
            while ("delivered".equals(status) && sent < 2000) {
                JsonNode ack = a.call(SignalingClient.message("offer")
                        .put("to", devices.phone())
                        .put("session", "slow-0001")
                        .put("sdp", sdp));
                status = ack.path("status").asText();
                sent++;
            }

            assertEquals("queued", status, "after " + sent + " offers");
            assertEquals(true, online.isOnline(devices.client(), devices.phone()), "the device may still resume");
        }
    }
}
