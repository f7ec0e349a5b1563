package org.callsign.idp.assertion;

import java.util.HashMap;
import java.util.Map;

/** {@link LoopbackIdpProfile} with EdDSA (Ed25519) signing keys. */
public class LoopbackEddsaProfile extends LoopbackIdpProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("callsign.idp.keys.algorithm", "EdDSA");
        return overrides;
    }
}
