package org.callsign.signaling.signal.websocket;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Peers that fall behind or go silent, quickly: a heartbeat of 1 s (silent for 2 s is closed), a small outbound queue
 * (64 KiB), and message rates that a test's flood does not reach.
 */
public class SlowPeersProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "callsign.signaling.websocket.heartbeat", "1s",
                "callsign.signaling.websocket.max-queued-bytes", "65536",
                "callsign.signaling.websocket.messages-per-second", "100000",
                "callsign.signaling.websocket.client-messages-per-second", "100000");
    }
}
