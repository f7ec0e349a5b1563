package org.callsign.signaling.client;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Registration open to anyone; a fresh store, so the first registration is the bootstrap. */
public class OpenRegistrationProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("callsign.signaling.registration.open", "true");
    }
}
