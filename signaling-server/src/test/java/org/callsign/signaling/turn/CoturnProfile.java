package org.callsign.signaling.turn;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The application with a real coturn as its TURN server ({@link CoturnTestResource}). */
public class CoturnProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CoturnTestResource.class));
    }
}
