package org.callsign.peer;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;

/**
 * webrtc-java's native WebRTC stack, loaded once per JVM, with a headless audio device (no sound server needed). Where
 * the native library cannot load (another platform, or {@code libpulse0} missing on Debian) every call fails with the
 * same {@link WebRtcUnavailableException}; callers decide whether that skips a test or ends a run.
 */
public final class WebRtc {

    private static PeerConnectionFactory factory;
    private static Throwable failure;

    private WebRtc() {}

    /** Whether the native stack loads here (loading it if not done yet). */
    public static boolean available() {
        try {
            factory();
            return true;
        } catch (WebRtcUnavailableException e) {
            return false;
        }
    }

    /**
     * Releases the native stack once every peer is closed, so that its threads end before the JVM does (otherwise
     * they may print "Failed to attach thread" as it exits). A later {@link #factory()} loads it again.
     */
    public static synchronized void shutdown() {
        if (factory != null) {
            factory.dispose();
            factory = null;
        }
    }

    /** The shared factory. */
    public static synchronized PeerConnectionFactory factory() {
        if (factory == null && failure == null) {
            try {
                factory = new PeerConnectionFactory(new HeadlessAudioDeviceModule());
            } catch (Throwable e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new WebRtcUnavailableException(
                    "webrtc-java's native library cannot load (" + failure + "); on Debian it needs libpulse0",
                    failure);
        }
        return factory;
    }
}
