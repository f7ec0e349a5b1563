package org.callsign.signaling.connect;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * One-shot HTTP signaling with waits a test can sit out: a 5 s answer timeout, a 1 s gather timeout, two waiting
 * offers per address. Its own application, so that no other test's owner devices are online.
 */
public class ConnectProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "callsign.signaling.connect.answer-timeout", "5s",
                "callsign.signaling.connect.gather-timeout", "1s",
                "callsign.signaling.connect.max-pending-per-ip", "2");
    }
}
