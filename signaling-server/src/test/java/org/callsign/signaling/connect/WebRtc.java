package org.callsign.signaling.connect;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import org.junit.jupiter.api.Assumptions;

/**
 * webrtc-java's native WebRTC stack, loaded once for the test JVM, with a headless audio device (no sound server).
 * Where the native library cannot load (another platform, {@code libpulse0} missing) the test is skipped with a
 * message, except under CI ({@code CI=true}), which installs what it needs and therefore fails instead.
 */
final class WebRtc {

    private static PeerConnectionFactory factory;
    private static Throwable failure;

    private WebRtc() {}

    /** The shared factory; skips (or, under CI, fails) the calling test where the native stack cannot load. */
    static synchronized PeerConnectionFactory factory() {
        if (factory == null && failure == null) {
            try {
                factory = new PeerConnectionFactory(new HeadlessAudioDeviceModule());
            } catch (Throwable e) {
                failure = e;
            }
        }
        if (failure != null) {
            String message = "webrtc-java's native library cannot load (" + failure + "); on Debian it needs libpulse0";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message, failure);
            }
            Assumptions.abort(message + "; skipping the WebRTC test");
        }
        return factory;
    }
}
