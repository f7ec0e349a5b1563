package org.callsign.shim.sdp;

import static org.callsign.shim.sdp.SdpFixtures.CHROMIUM_OFFER;
import static org.callsign.shim.sdp.SdpFixtures.FIREFOX_WITH_IDENTITY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class SessionDescriptionTest {

    static List<String> fixtures() {
        return SdpFixtures.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void writesEveryFixtureBackByteForByte(String fixture) throws Exception {
        String sdp = SdpFixtures.read(fixture);
        assertEquals(sdp, SessionDescription.parse(sdp).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void writesLfInputWithCrlf(String fixture) throws Exception {
        String crlf = SdpFixtures.read(fixture);
        assertEquals(crlf, SessionDescription.parse(crlf.replace("\r\n", "\n")).toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void acceptsAMissingFinalLineEnd(String fixture) throws Exception {
        String crlf = SdpFixtures.read(fixture);
        assertEquals(
                crlf,
                SessionDescription.parse(crlf.substring(0, crlf.length() - 2)).toString());
    }

    @Test
    void acceptsLfAndCrlfMixed() throws Exception {
        assertEquals(
                "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\n",
                SessionDescription.parse("v=0\no=- 1 1 IN IP4 0.0.0.0\r\ns=-").toString());
    }

    @ParameterizedTest(name = "{0}: session lines {1}, media {2}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            chromium-156-datachannel-offer.sdp                   | 7  | application
            firefox-esr-153-datachannel-offer-with-identity.sdp  | 9  | application
            chromium-style-audio-video-data-bundle-offer.sdp     | 7  | audio video application
            firefox-style-session-fingerprint-offer.sdp          | 8  | audio application
            session-sha-256-media-sha-384-fingerprints-offer.sdp | 7  | application
            """)
    void splitsSessionLevelFromMediaDescriptions(String fixture, int sessionLines, String media) throws Exception {
        SessionDescription sdp = SdpFixtures.parse(fixture);
        assertEquals(sessionLines, sdp.sessionLines().size());
        assertEquals(
                Arrays.asList(media.split(" ")),
                sdp.mediaDescriptions().stream().map(MediaDescription::media).toList());
    }

    @Test
    void readsMediaDescriptionFields() throws Exception {
        MediaDescription video = SdpFixtures.parse(SdpFixtures.CHROMIUM_STYLE_BUNDLE)
                .mediaDescriptions()
                .get(1);
        assertEquals("video", video.media());
        assertEquals("UDP/TLS/RTP/SAVPF", video.proto());
        assertEquals(Optional.of("1"), video.mid());
        assertEquals(
                List.of(
                        "97 apt=96",
                        "98 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f",
                        "99 apt=98"),
                video.attributeValues("fmtp"));
    }

    @Test
    void keepsUnknownLinesAndAttributesVerbatim() throws Exception {
        String sdp = "v=0\r\nx=unknown type  kept\r\ns=-\r\na=x-custom:one:two \r\na=flag\r\n"
                + "m=audio 9 RTP/AVP 0\r\ny=\r\na=X-Other\r\n";
        SessionDescription parsed = SessionDescription.parse(sdp);
        assertEquals(sdp, parsed.toString());
        assertEquals(List.of("one:two "), parsed.attributeValues("X-CUSTOM"));
        assertEquals(List.of(""), parsed.attributeValues("flag"));
        assertEquals(
                new SdpLine('y', ""), parsed.mediaDescriptions().get(0).lines().get(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            firefox-esr-153-datachannel-offer-with-identity.sdp | eyJpZHAiOnsiZG9tYWluIjoiaWRwLnRlc3Q6ODQ0MyIs
            mixed-case-attribute-names-offer.sdp                | eyJpZHAiOnsiZG9tYWluIjoiaWRwLWIuZXhhbXBsZSIs
            media-level-identity-offer.sdp                      |
            chromium-156-datachannel-offer.sdp                  |
            """)
    void readsIdentityFromTheSessionLevelOnly(String fixture, String start) throws Exception {
        Optional<String> identity = SdpFixtures.parse(fixture).identity();
        assertEquals(start != null, identity.isPresent());
        identity.ifPresent(value -> assertEquals(start, value.substring(0, start.length())));
    }

    @Test
    void sessionIdentityIsTheIdentityWhenMediaHasAnother() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(SdpFixtures.MEDIA_LEVEL_IDENTITY);
        SessionDescription both = SdpTamper.insertLine(sdp, 4, "a=identity:c2Vzc2lvbg==");
        assertEquals(Optional.of("c2Vzc2lvbg=="), both.identity());
    }

    @Test
    void firstOfSeveralSessionIdentitiesIsTheIdentity() throws Exception {
        SessionDescription sdp = SessionDescription.parse("v=0\r\na=identity:Zmlyc3Q=\r\na=Identity:c2Vjb25k\r\n");
        assertEquals(Optional.of("Zmlyc3Q="), sdp.identity());
    }

    static List<List<String>> insertions() {
        return List.of(
                List.of(
                        "no identity: placed just before the first m= line",
                        "v=0|s=-|t=0 0|a=group:BUNDLE 0|m=audio 9 RTP/AVP 0|a=mid:0",
                        "v=0|s=-|t=0 0|a=group:BUNDLE 0|a=identity:NEW=|m=audio 9 RTP/AVP 0|a=mid:0"),
                List.of(
                        "no identity and no media: placed at the end",
                        "v=0|s=-|t=0 0",
                        "v=0|s=-|t=0 0|a=identity:NEW="),
                List.of(
                        "existing identity: replaced where it was",
                        "v=0|s=-|a=identity:OLD=|t=0 0|m=audio 9 RTP/AVP 0",
                        "v=0|s=-|a=identity:NEW=|t=0 0|m=audio 9 RTP/AVP 0"),
                List.of(
                        "mixed-case identity: replaced where it was",
                        "v=0|s=-|a=IDENTITY:OLD=|t=0 0",
                        "v=0|s=-|a=identity:NEW=|t=0 0"),
                List.of(
                        "several session identities: one left, where the first was",
                        "v=0|a=identity:ONE=|s=-|a=identity:TWO=|t=0 0|a=identity:THREE=",
                        "v=0|a=identity:NEW=|s=-|t=0 0"),
                List.of(
                        "media-level identity: left untouched",
                        "v=0|s=-|t=0 0|m=audio 9 RTP/AVP 0|a=identity:MEDIA=",
                        "v=0|s=-|t=0 0|a=identity:NEW=|m=audio 9 RTP/AVP 0|a=identity:MEDIA="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("insertions")
    void withIdentityLeavesExactlyOneSessionIdentity(List<String> testCase) throws Exception {
        SessionDescription sdp = SessionDescription.parse(crlf(testCase.get(1)));
        assertEquals(crlf(testCase.get(2)), sdp.withIdentity("NEW=").toString());
    }

    @Test
    void withoutIdentityRemovesSessionIdentitiesOnly() throws Exception {
        SessionDescription sdp = SessionDescription.parse(
                crlf("v=0|a=identity:ONE=|s=-|a=IDENTITY:TWO=|m=audio 9 RTP/AVP 0|a=identity:M="));
        assertEquals(
                crlf("v=0|s=-|m=audio 9 RTP/AVP 0|a=identity:M="),
                sdp.withoutIdentity().toString());
        assertEquals(Optional.empty(), sdp.withoutIdentity().identity());
    }

    @Test
    void identityRoundTripsThroughWithIdentity() throws Exception {
        SessionDescription firefox = SdpFixtures.parse(FIREFOX_WITH_IDENTITY);
        String identity = firefox.identity().orElseThrow();
        assertEquals(firefox, firefox.withoutIdentity().withIdentity(identity));
        assertEquals(firefox.toString(), firefox.withIdentity(identity).toString());
    }

    @Test
    void withIdentityRefusesAValueThatWouldStartANewLine() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(CHROMIUM_OFFER);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> sdp.withIdentity("e30=\r\na=fingerprint:sha-256 00:11"));
        assertEquals("SDP line value has control character U+000D (bare CR)", e.getMessage());
    }

    @Test
    void linesAreNumberedAsInTheText() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(CHROMIUM_OFFER);
        List<String> text = Arrays.asList(SdpFixtures.read(CHROMIUM_OFFER).split("\r\n"));
        assertEquals(text, sdp.lines().stream().map(SdpLine::toString).toList());
    }

    @Test
    void refusesToModelADescriptionThatDoesNotStartWithVersion() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SessionDescription(List.of(new SdpLine('s', "-")), List.of()));
    }

    static String crlf(String lines) {
        return lines.replace("|", "\r\n") + "\r\n";
    }
}
