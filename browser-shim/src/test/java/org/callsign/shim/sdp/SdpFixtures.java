package org.callsign.shim.sdp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The SDP files under {@code src/test/resources/sdp/}, read exactly as committed. */
public final class SdpFixtures {
    public static final String CHROMIUM_OFFER = "chromium-156-datachannel-offer.sdp";
    public static final String FIREFOX_WITH_IDENTITY = "firefox-esr-153-datachannel-offer-with-identity.sdp";
    public static final String CHROMIUM_STYLE_BUNDLE = "chromium-style-audio-video-data-bundle-offer.sdp";
    public static final String FIREFOX_STYLE_SESSION_FINGERPRINT = "firefox-style-session-fingerprint-offer.sdp";
    public static final String TWO_FINGERPRINTS = "session-sha-256-media-sha-384-fingerprints-offer.sdp";
    public static final String MIXED_CASE = "mixed-case-attribute-names-offer.sdp";
    public static final String MEDIA_LEVEL_IDENTITY = "media-level-identity-offer.sdp";

    private SdpFixtures() {}

    /** The names of every {@code .sdp} file, sorted. */
    public static List<String> names() {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".sdp"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's text, decoded as UTF-8. */
    public static String read(String name) {
        try {
            return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SessionDescription parse(String name) throws SdpException {
        return SessionDescription.parse(read(name));
    }

    private static Path directory() {
        try {
            return Path.of(SdpFixtures.class.getResource("/sdp").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
