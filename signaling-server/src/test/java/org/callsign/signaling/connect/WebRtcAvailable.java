package org.callsign.signaling.connect;

import org.callsign.peer.WebRtc;
import org.callsign.peer.WebRtcUnavailableException;
import org.junit.jupiter.api.Assumptions;

/**
 * Skips the calling test, with a message, where webrtc-java's native stack cannot load; under CI ({@code CI=true}),
 * which installs what it needs, fails instead.
 */
public final class WebRtcAvailable {
    private WebRtcAvailable() {}

    public static void assume() {
        try {
            WebRtc.factory();
        } catch (WebRtcUnavailableException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort(e.getMessage() + "; skipping the WebRTC test");
        }
    }
}
