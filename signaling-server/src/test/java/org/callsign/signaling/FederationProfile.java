package org.callsign.signaling;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * A server with a public URL ({@code https://sig-b.test}), so that it binds identities and federates, whose outbound
 * fetcher reaches {@link TestIdpResource}'s IdP; calls ring for 3 s. Its own application and store.
 */
public class FederationProfile implements QuarkusTestProfile {

    /** The server's origin in this profile. */
    public static final String ORIGIN = "https://sig-b.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("callsign.signaling.public-url", ORIGIN, "callsign.signaling.calls.ring-timeout", "3s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TestIdpResource.class));
    }
}
