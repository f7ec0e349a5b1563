package org.callsign.testbed;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the testbed sets on top of {@link org.callsign.testbed.up.ServiceSettings}: the cheapest allowed bcrypt cost,
 * per-address limits that one test run from 127.0.0.1 does not reach, and a short ring timeout.
 */
final class TestbedTuning {
    private TestbedTuning() {}

    static Map<String, String> idp() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("callsign.idp.accounts.bcrypt-cost", "10");
        properties.put("callsign.idp.rate-limit.requests-per-minute", "100000");
        properties.put("callsign.idp.rate-limit.ip-failures", "100000");
        return properties;
    }

    static Map<String, String> signaling() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("callsign.signaling.clients.bcrypt-cost", "10");
        properties.put("callsign.signaling.rate-limit.requests-per-minute", "100000");
        properties.put("callsign.signaling.rate-limit.ip-failures", "100000");
        properties.put("callsign.signaling.rate-limit.key-checks-per-second", "100000");
        properties.put("callsign.signaling.calls.ring-timeout", "5s");
        return properties;
    }
}
