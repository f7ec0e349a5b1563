package org.callsign.idp.upstream;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The IdP with upstream providers on a real loopback OpenID Connect provider ({@link UpstreamProviderResource}). */
public class UpstreamProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(UpstreamProviderResource.class));
    }
}
