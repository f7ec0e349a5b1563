package org.callsign.signaling.ready;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.callsign.server.ready.ReadyFile;

/** Runs the signaling server with a ready file in a directory of its own under {@code target/}. */
public class ReadyFileProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(ReadyFile.PROPERTY, "target/test-data/ready-${quarkus.uuid}/signaling.ready");
    }
}
