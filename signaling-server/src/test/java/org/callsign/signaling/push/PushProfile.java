package org.callsign.signaling.push;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import org.callsign.wellknown.testing.WebPushTesting;

/**
 * A server with a public URL that may reach loopback ({@code net.allow-loopback}), so that devices register the
 * {@code http://localhost} endpoints of {@link WebPushTesting} and pushes reach it. Its own application and store.
 */
public class PushProfile implements QuarkusTestProfile {

    /** The server's origin in this profile. */
    public static final String ORIGIN = "https://sig-push.test";

    /** The VAPID subject in this profile. */
    public static final String SUBJECT = "mailto:owner@sig-push.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "callsign.signaling.public-url", ORIGIN,
                "callsign.signaling.net.allow-loopback", "true",
                "callsign.signaling.push.vapid-subject", SUBJECT);
    }
}
