package org.callsign.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;

/** Session descriptions captured from real WebRTC stacks ({@code src/test/resources/sdp/}, CRLF, byte for byte). */
public final class SdpFixtures {
    /** Chromium 156, headless, {@code createOffer()} with one data channel; media-level fingerprint. */
    public static final String CHROMIUM_OFFER = "chromium-156-datachannel-offer.sdp";

    /** webrtc-java 0.14.0, an offer with one data channel. */
    public static final String WEBRTC_JAVA_OFFER = "webrtc-java-0.14-datachannel-offer.sdp";

    /** The offers handed to new users in turn, so that two users in a row have different fingerprints. */
    static final List<String> OFFERS = List.of(CHROMIUM_OFFER, WEBRTC_JAVA_OFFER);

    private SdpFixtures() {}

    /** The fixture {@code name}, parsed. */
    public static SessionDescription load(String name) {
        try (InputStream in = SdpFixtures.class.getResourceAsStream("/sdp/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no SDP fixture " + name);
            }
            return SessionDescription.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | SdpException e) {
            throw new IllegalStateException("cannot load SDP fixture " + name, e);
        }
    }
}
