package org.callsign.signaling.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SDP captured from real peers (test resources {@code sdp/}, copied from the project's shared fixtures), each with the
 * fingerprint its device registers, and a tamperer that rewrites an SDP's {@code a=fingerprint} lines.
 */
public enum SdpFixtures {
    /** Chromium 156's data-channel offer. */
    CHROMIUM_OFFER(
            "chromium-156-datachannel-offer.sdp", "91293569255CDA07200E7FFC40AEF4E7D22822E6C6F88D1C111BA19E8A2ACE5F"),
    /** Chromium 156's answer to a data-channel offer. */
    CHROMIUM_ANSWER(
            "chromium-156-datachannel-answer.sdp", "EF6C870D6E7E9E2A6E9838BCD423D7F963705D7B23B8F5DA17361D9C789D3654"),
    /** webrtc-java 0.14's data-channel offer. */
    WEBRTC_JAVA_OFFER(
            "webrtc-java-0.14-datachannel-offer.sdp",
            "69FD6D7953C451C40F69F0F1E1E9C48CBF785E71E1860DB62A863F7D15C3EE15");

    private static final Pattern FINGERPRINT = Pattern.compile("(?im)^a=fingerprint:[^\\r\\n]*");

    private final String file;
    private final String fingerprint;

    SdpFixtures(String file, String fingerprint) {
        this.file = file;
        this.fingerprint = fingerprint;
    }

    /** The SDP, byte for byte as captured. */
    public String sdp() {
        try (InputStream in = Objects.requireNonNull(SdpFixtures.class.getResourceAsStream("/sdp/" + file), file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fingerprint of its {@code a=fingerprint}, as a device registers it: upper-case hex without colons. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The SDP with every {@code a=fingerprint} claiming {@code hex} (sha-256) instead. */
    public String withFingerprint(String hex) {
        return withFingerprint(sdp(), hex);
    }

    /** {@code sdp} with every {@code a=fingerprint} claiming {@code hex} (sha-256) instead. */
    public static String withFingerprint(String sdp, String hex) {
        String pairs = hex.replaceAll("(..)(?!$)", "$1:");
        return FINGERPRINT.matcher(sdp).replaceAll(Matcher.quoteReplacement("a=fingerprint:sha-256 " + pairs));
    }

    /** {@code sdp} with one more {@code a=fingerprint}, of {@code hex}, after its first one. */
    public static String withExtraFingerprint(String sdp, String hex) {
        Matcher matcher = FINGERPRINT.matcher(sdp);
        if (!matcher.find()) {
            throw new IllegalArgumentException("the SDP has no a=fingerprint");
        }
        String pairs = hex.replaceAll("(..)(?!$)", "$1:");
        return sdp.substring(0, matcher.end()) + "\r\na=fingerprint:sha-256 " + pairs + sdp.substring(matcher.end());
    }
}
