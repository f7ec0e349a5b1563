package org.callsign.signaling.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.callsign.signaling.fingerprint.service.AuthorizedFingerprintsFile;
import org.callsign.signaling.fingerprint.service.AuthorizedFingerprintsFile.Entry;
import org.callsign.signaling.fingerprint.service.DeviceFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** webexec's authorized_fingerprints format. */
class AuthorizedFingerprintsFileTest {

    private static final String A = "AB".repeat(32);
    private static final String B = "CD".repeat(32);

    @Test
    void readsFingerprintsSkippingCommentsAndBlankLinesKeepingLabels() {
        String text =
                "# my devices\n\n" + A + " laptop in the kitchen\n  " + B.toLowerCase() + "\t phone \n# " + A + "\n";
        AuthorizedFingerprintsFile.Parsed parsed = AuthorizedFingerprintsFile.parse(text);
        assertEquals(
                List.of(
                        new Entry(new DeviceFingerprint(A), "laptop in the kitchen", 3),
                        new Entry(new DeviceFingerprint(B), "phone", 4)),
                parsed.entries());
        assertEquals(List.of(), parsed.problems());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "hex pairs with colons | AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01 | ABCDEF0123456789ABCDEF0123456789ABCDEF01",
                "lower case | abcdef0123456789abcdef0123456789abcdef01 | ABCDEF0123456789ABCDEF0123456789ABCDEF01"
            })
    void comparesAsUpperCaseHexWithoutColons(String what, String line, String hex) {
        assertEquals(
                new DeviceFingerprint(hex),
                AuthorizedFingerprintsFile.parse(line).entries().get(0).fingerprint());
    }

    @Test
    void reportsInvalidLinesByNumberAndKeepsTheOthers() {
        AuthorizedFingerprintsFile.Parsed parsed =
                AuthorizedFingerprintsFile.parse("nothex here\n" + A + "\nABCD\n" + A);
        assertEquals(List.of(new Entry(new DeviceFingerprint(A), "", 2)), parsed.entries());
        assertEquals(
                List.of(
                        "line 1: fingerprint is not hexadecimal",
                        "line 3: fingerprint has 4 hex digits, not the digest of sha-1, sha-224, sha-256, sha-384 or"
                                + " sha-512"),
                parsed.problems());
    }

    @Test
    void addingAppendsALineAndRemovingKeepsEveryOtherLine() {
        String text = "# mine\n" + A + " laptop";
        String added = AuthorizedFingerprintsFile.withAdded(text, new DeviceFingerprint(B), "phone");
        assertEquals("# mine\n" + A + " laptop\n" + B + " phone\n", added);
        String lowerDuplicate = added + "garbage line\n" + A.toLowerCase() + "\n";
        assertEquals(
                "# mine\n" + B + " phone\ngarbage line\n",
                AuthorizedFingerprintsFile.withRemoved(lowerDuplicate, new DeviceFingerprint(A)));
    }
}
