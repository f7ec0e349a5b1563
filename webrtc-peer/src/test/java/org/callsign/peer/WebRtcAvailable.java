package org.callsign.peer;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips the calling test, with a message, where webrtc-java's native stack cannot load; under CI ({@code CI=true}),
 * which installs what it needs, fails instead. For the tests of every module that runs real WebRTC peers.
 */
public final class WebRtcAvailable {
    private WebRtcAvailable() {}

    /** Loads the native stack, or skips (fails under CI) saying which test could not run: {@code what}. */
    public static void assume(String what) {
        try {
            WebRtc.factory();
        } catch (WebRtcUnavailableException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort(e.getMessage() + "; skipping " + what);
        }
    }
}
