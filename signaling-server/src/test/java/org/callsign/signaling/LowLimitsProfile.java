package org.callsign.signaling;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Limits low enough to reach in a test: 3 client failures, 6 address failures, 40 credential requests a minute, 5 key
 * checks a second, 2 devices per client.
 */
public class LowLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "callsign.signaling.rate-limit.requests-per-minute", "40",
                "callsign.signaling.rate-limit.client-failures", "3",
                "callsign.signaling.rate-limit.ip-failures", "6",
                "callsign.signaling.rate-limit.lockout", "30s",
                "callsign.signaling.rate-limit.max-lockout", "2m",
                "callsign.signaling.rate-limit.key-checks-per-second", "5",
                "callsign.signaling.devices.max-per-client", "2");
    }
}
