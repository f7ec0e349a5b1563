package org.callsign.signaling.signal.websocket;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Limits low enough to reach in a test: 5 messages a second per connection, 8 per client, 3 connections per client. */
public class WebSocketLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "callsign.signaling.websocket.messages-per-second", "5",
                "callsign.signaling.websocket.client-messages-per-second", "8",
                "callsign.signaling.websocket.max-connections-per-client", "3",
                "callsign.signaling.rate-limit.token-checks-per-minute", "40");
    }
}
