package org.callsign.shim.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sdp.DtlsFingerprint;
import org.callsign.shim.sdp.SdpFixtures;
import org.callsign.shim.sdp.SdpTamper;
import org.callsign.shim.sdp.SessionDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class FingerprintContentsTest {
    private static final String A =
            "91:29:35:69:25:5C:DA:07:20:0E:7F:FC:40:AE:F4:E7:D2:28:22:E6:C6:F8:8D:1C:11:1B:A1:9E:8A:2A:CE:5F";
    private static final String B =
            "05:07:51:16:B6:F6:4C:C3:8A:B6:A9:8D:75:2B:8A:06:D6:26:5C:15:B8:69:82:79:E7:95:C8:0A:BC:7A:76:49:84:CB:DE:AF:BB:AF:21:1D:E3:3F:41:02:7D:10:80:61";
    private static final String C =
            "EF:6C:87:0D:6E:7E:9E:2A:6E:98:38:BC:D4:23:D7:F9:63:70:5D:7B:23:B8:F5:DA:17:36:1D:9C:78:9D:36:54";

    /** Fingerprints by name, written as a peer or IdP might write them: {algorithm, digest}. */
    private static final Map<String, String[]> WRITTEN = Map.of(
            "A", new String[] {"sha-256", A},
            "B", new String[] {"sha-384", B},
            "C", new String[] {"sha-256", C},
            "A-upper-hash-name", new String[] {"SHA-256", A},
            "A-lower-digest", new String[] {"sha-256", A.toLowerCase()});

    @Test
    void writesCompactJsonInTheGivenOrder() throws Exception {
        FingerprintContents contents = FingerprintContents.of(
                List.of(DtlsFingerprint.of("sha-384", B), DtlsFingerprint.of("SHA-256", A.toLowerCase())));
        assertEquals(
                "{\"fingerprint\":[{\"algorithm\":\"sha-384\",\"digest\":\"" + B + "\"},"
                        + "{\"algorithm\":\"sha-256\",\"digest\":\"" + A + "\"}]}",
                contents.json());
        assertEquals(contents, FingerprintContents.parse(contents.json()));
    }

    @Test
    void readsTheContentsOfFirefoxsAssertion() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(SdpFixtures.FIREFOX_WITH_IDENTITY);
        IdentityAttribute attribute = IdentityAttribute.decode(sdp.identity().orElseThrow());
        String contents = new ObjectMapper()
                .readTree(attribute.assertion())
                .get("contents")
                .textValue();

        FingerprintContents parsed = FingerprintContents.parse(contents);

        assertEquals(sdp.fingerprints(), parsed.fingerprints());
        assertEquals(List.of(), parsed.uncovered(sdp.fingerprints()));
        assertEquals(contents, parsed.json());
    }

    @Test
    void mediaFingerprintAddedInTransitIsUncovered() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(SdpFixtures.FIREFOX_WITH_IDENTITY);
        FingerprintContents signed = FingerprintContents.of(sdp.fingerprints());
        DtlsFingerprint attacker = DtlsFingerprint.of("sha-256", C);

        SessionDescription tampered = SdpTamper.addMediaFingerprint(sdp, 0, attacker);

        assertEquals(List.of(attacker), signed.uncovered(tampered.fingerprints()));
    }

    @Test
    void replacedDigestIsUncovered() throws Exception {
        SessionDescription sdp = SdpFixtures.parse(SdpFixtures.TWO_FINGERPRINTS);
        FingerprintContents signed = FingerprintContents.of(sdp.fingerprints());

        SessionDescription tampered = SdpTamper.replaceFingerprintDigest(sdp, 0, C);

        assertEquals(List.of(DtlsFingerprint.of("sha-256", C)), signed.uncovered(tampered.fingerprints()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            all covered                            | A B               | A B            |
            media fingerprint not covered          | A                 | A B            | B
            contents may list extra fingerprints   | A B C             | A              |
            order does not matter                  | B A               | A B            |
            hash name compared without case        | A-upper-hash-name | A              |
            digest compared without case           | A-lower-digest    | A              |
            SDP digest in lower case is covered    | A                 | A-lower-digest |
            none covered                           | C                 | A B            | A B
            uncovered fingerprint reported once    | A                 | B A B          | B
            same hash function, other digest       | A                 | C              | C
            """)
    void reportsSdpFingerprintsTheContentsDoNotCover(String name, String contents, String sdp, String uncovered)
            throws Exception {
        FingerprintContents parsed = FingerprintContents.parse(json(contents));
        assertEquals(fingerprints(uncovered), parsed.uncovered(fingerprints(sdp)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(
            resources = "/identity/malformed-contents.csv",
            delimiterString = " | ",
            quoteCharacter = '`',
            numLinesToSkip = 1)
    void refusesContentsOfTheWrongShape(String name, String json, String message) {
        IdentityException e = assertThrows(IdentityException.class, () -> FingerprintContents.parse(json));
        assertEquals(message, e.getMessage());
        assertEquals(IdentityError.IDENTITY_MALFORMED, e.error());
    }

    @Test
    void refusesContentsLongerThan6144Characters() {
        String json = json("A") + " ".repeat(FingerprintContents.MAX_JSON_LENGTH);
        IdentityException e = assertThrows(IdentityException.class, () -> FingerprintContents.parse(json));
        assertEquals("contents rejected: longer than 6144 characters", e.getMessage());
    }

    @Test
    void keepsEntriesAsWritten() throws Exception {
        assertEquals(
                fingerprints("A B A"), FingerprintContents.parse(json("A B A")).fingerprints());
    }

    @Test
    void refusesToBindNoFingerprints() {
        assertThrows(IllegalArgumentException.class, () -> FingerprintContents.of(List.of()));
    }

    /** Contents JSON for named fingerprints, written as given (case kept), with an unknown member to ignore. */
    private static String json(String names) {
        return Arrays.stream(names.split(" "))
                .map(WRITTEN::get)
                .map(f -> "{\"algorithm\":\"" + f[0] + "\",\"digest\":\"" + f[1] + "\"}")
                .collect(Collectors.joining(",", "{\"fingerprint\":[", "],\"note\":\"ignored\"}"));
    }

    private static List<DtlsFingerprint> fingerprints(String names) throws Exception {
        if (names == null) {
            return List.of();
        }
        List<DtlsFingerprint> list = new java.util.ArrayList<>();
        for (String name : names.split(" ")) {
            list.add(DtlsFingerprint.of(WRITTEN.get(name)[0], WRITTEN.get(name)[1]));
        }
        return list;
    }
}
