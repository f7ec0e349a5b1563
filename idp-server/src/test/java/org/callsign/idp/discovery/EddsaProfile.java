package org.callsign.idp.discovery;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Runs the IdP with {@code callsign.idp.keys.algorithm=EdDSA}. */
public class EddsaProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("callsign.idp.keys.algorithm", "EdDSA");
    }
}
