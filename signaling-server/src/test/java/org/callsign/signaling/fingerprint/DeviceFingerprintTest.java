package org.callsign.signaling.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.callsign.signaling.fingerprint.service.DeviceFingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DeviceFingerprintTest {

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("SDP attribute value", "sha-1 " + "AB:".repeat(19) + "AB", 40),
                Arguments.of("upper-case hash name", "SHA-256 " + "ab:".repeat(31) + "ab", 64),
                Arguments.of("colons only", "AB:".repeat(47) + "AB", 96),
                Arguments.of("plain lower-case hex", "ab".repeat(64), 128),
                Arguments.of("sha-224 length", "01".repeat(28), 56));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void acceptsTheSdpFormAndWebexecsForm(String what, String text, int digits) {
        DeviceFingerprint fingerprint = DeviceFingerprint.parse(text);
        assertEquals(digits, fingerprint.hex().length());
        assertEquals(fingerprint.hex().toUpperCase(java.util.Locale.ROOT), fingerprint.hex());
    }

    static Stream<Arguments> refused() {
        String lengths = " hex digits, not the digest of sha-1, sha-224, sha-256, sha-384 or sha-512";
        return Stream.of(
                Arguments.of("blank", "  ", "fingerprint is missing"),
                Arguments.of("odd digits", "ABC", "fingerprint has 3" + lengths),
                Arguments.of("sha-256 plus a byte", "AB".repeat(33), "fingerprint has 66" + lengths),
                Arguments.of("not hex", "ZZ".repeat(32), "fingerprint is not hexadecimal"),
                Arguments.of("unknown hash", "sha-3 AB:CD", "unknown fingerprint hash function \"sha-3\""),
                Arguments.of(
                        "three fields",
                        "sha-256 AB CD",
                        "fingerprint attribute is not <hash-func> <fingerprint>: \"sha-256 AB CD\""),
                Arguments.of("overlong, not quoted", "A".repeat(10_000), "fingerprint is longer than 256 characters"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesWhatIsNoFingerprintNamingTheProblem(String what, String text, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceFingerprint.parse(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void theConstructorTakesOnlyNormalisedHex() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceFingerprint("ab".repeat(32)));
    }
}
