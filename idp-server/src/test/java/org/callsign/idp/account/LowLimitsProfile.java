package org.callsign.idp.account;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Rate limits low enough to reach in a test: 3 account failures, 6 address failures, 20 requests a minute. */
public class LowLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "callsign.idp.rate-limit.requests-per-minute", "20",
                "callsign.idp.rate-limit.account-failures", "3",
                "callsign.idp.rate-limit.ip-failures", "6",
                "callsign.idp.rate-limit.lockout", "30s",
                "callsign.idp.rate-limit.max-lockout", "2m");
    }
}
