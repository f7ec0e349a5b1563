package org.callsign.shim.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionDescriptionFingerprintsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            chromium-156-datachannel-answer.sdp                  | sha-256 EF:6C:87:0D:6E:7E:9E:2A:6E:98:38:BC:D4:23:D7:F9:63:70:5D:7B:23:B8:F5:DA:17:36:1D:9C:78:9D:36:54
            chromium-156-datachannel-offer.sdp                   | sha-256 91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE:5F
            firefox-esr-153-datachannel-offer-with-identity.sdp  | sha-256 58:80:AE:F5:12:D8:F9:E7:E5:F7:6E:2A:C0:7A:82:79:AF:EE:6C:19:3D:D4:5D:C5:C7:B2:91:20:DE:0C:0B:76
            webrtc-java-0.14-datachannel-offer.sdp               | sha-256 69:FD:6D:79:53:C4:51:C4:0F:69:F0:F1:E1:E9:C4:8C:BF:78:5E:71:E1:86:0D:B6:2A:86:3F:7D:15:C3:EE:15
            chromium-style-audio-video-data-bundle-offer.sdp     | sha-256 1F:02:AC:6D:4B:9B:B0:93:6E:49:09:F0:71:34:86:8C:87:62:9A:0C:3D:67:28:19:E4:72:81:BE:76:69:8D:2C
            firefox-style-session-fingerprint-offer.sdp          | sha-256 C5:B6:B8:94:6E:81:FA:31:1D:74:EA:C9:59:30:90:A2:18:F7:09:2E:CE:9F:F9:04:7E:52:D4:9A:F9:9D:C6:D4
            session-sha-256-media-sha-384-fingerprints-offer.sdp | sha-256 D0:DB:A9:7C:3B:4B:AC:B4:98:77:37:29:93:7E:BE:4C:F4:47:C1:57:2B:30:B0:BC:40:EC:47:90:37:1B:E9:1A, sha-384 05:07:51:16:B6:F6:4C:C3:8A:B6:A9:8D:75:2B:8A:06:D6:26:5C:15:B8:69:82:79:E7:95:C8:0A:BC:7A:76:49:84:CB:DE:AF:BB:AF:21:1D:E3:3F:41:02:7D:10:80:61
            mixed-case-attribute-names-offer.sdp                 | sha-256 70:08:78:9B:67:3B:71:CD:4B:1E:72:46:5B:DE:62:42:8E:64:37:2C:26:C2:18:CC:85:6D:2B:AD:56:81:A1:93
            media-level-identity-offer.sdp                       | sha-256 4E:55:33:58:E1:9D:CD:9D:D7:B8:B4:AA:57:E1:C0:69:DC:E0:E7:A6:48:82:53:C7:75:2A:9F:BF:9F:76:DB:1F
            """)
    void findsEveryFingerprintOnce(String fixture, String expected) throws Exception {
        assertEquals(
                List.of(expected.split(", ")),
                SdpFixtures.parse(fixture).fingerprints().stream()
                        .map(DtlsFingerprint::toAttributeValue)
                        .toList());
    }

    @Test
    void sameFingerprintInAnotherCaseCountsOnce() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(SdpFixtures.FIREFOX_STYLE_SESSION_FINGERPRINT);
        DtlsFingerprint session = sdp.fingerprints().get(0);
        String lower = "a=FINGERPRINT:SHA-256 " + session.digest().toLowerCase();
        SessionDescription tampered = SdpTamper.insertLine(sdp, sdp.lines().size(), lower);
        assertEquals(List.of(session), tampered.fingerprints());
    }

    @Test
    void mediaFingerprintAddedInTransitIsListedAfterTheOthers() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(SdpFixtures.FIREFOX_STYLE_SESSION_FINGERPRINT);
        DtlsFingerprint added = DtlsFingerprint.of("sha-256", "AA:".repeat(31) + "AA");
        SessionDescription tampered = SdpTamper.addMediaFingerprint(sdp, 1, added);
        assertEquals(
                Stream.concat(sdp.fingerprints().stream(), Stream.of(added)).toList(), tampered.fingerprints());
    }

    @Test
    void replacedDigestIsWhatIsRead() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(SdpFixtures.TWO_FINGERPRINTS);
        String digest = "0F:".repeat(47) + "0F";
        assertEquals(
                new DtlsFingerprint("sha-384", digest),
                SdpTamper.replaceFingerprintDigest(sdp, 1, digest)
                        .fingerprints()
                        .get(1));
    }

    @Test
    void duplicatedFingerprintLineCountsOnce() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(SdpFixtures.CHROMIUM_OFFER);
        assertEquals(sdp.fingerprints(), SdpTamper.duplicateLine(sdp, 15).fingerprints());
    }

    @Test
    void malformedFingerprintIsReportedWithItsLine() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(SdpFixtures.TWO_FINGERPRINTS);
        SessionDescription tampered = SdpTamper.replaceFingerprintDigest(sdp, 1, "AB:CD");
        SdpException e = assertThrows(SdpException.class, tampered::fingerprints);
        assertEquals("SDP line 12: sha-384 fingerprint digest has 2 bytes, expected 48", e.getMessage());
    }

    @Test
    void md5FingerprintIsRefusedWithItsLine() throws Exception {
        SessionDescription sdp = SdpTamper.replaceLine(
                SdpFixtures.parse(SdpFixtures.FIREFOX_STYLE_SESSION_FINGERPRINT),
                5,
                "a=fingerprint:md5 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
        SdpException e = assertThrows(SdpException.class, sdp::fingerprints);
        assertEquals("SDP line 5: md5 must not be used for a fingerprint (RFC 8122 §5)", e.getMessage());
    }

    @Test
    void noFingerprintsIsAnEmptyList() throws Exception {
        assertEquals(
                List.of(),
                SessionDescription.parse("v=0\r\ns=-\r\nm=audio 9 RTP/AVP 0\r\n")
                        .fingerprints());
    }
}
