package org.callsign.signaling.client;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The default closed registration, in an application (and store) of its own. */
public class BootstrapProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("callsign.signaling.registration.open", "false");
    }
}
