package org.callsign.shim.sdp;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.callsign.shim.IdentityError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionDescriptionErrorsTest {
    private static final String OFFER = SdpFixtures.read(SdpFixtures.CHROMIUM_OFFER);

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("missing", null, "SDP is missing"),
                Arguments.of("empty", "", "SDP is empty"),
                Arguments.of(
                        "first line is not the version",
                        "o=- 1 2 IN IP4 0.0.0.0\r\nv=0\r\n",
                        "SDP line 1: must be v=0"),
                Arguments.of("version 1", "v=1\r\ns=-\r\n", "SDP line 1: must be v=0"),
                Arguments.of("version with trailing space", "v=0 \r\n", "SDP line 1: must be v=0"),
                Arguments.of("upper-case type", "V=0\r\n", "SDP line 1: expected <type>=<value>, got \"V=0\""),
                Arguments.of(
                        "line 7 without '='",
                        replaceLine(OFFER, 7, "junk"),
                        "SDP line 7: expected <type>=<value>, got \"junk\""),
                Arguments.of(
                        "space before '='", "v=0\r\ns =-\r\n", "SDP line 2: expected <type>=<value>, got \"s =-\""),
                Arguments.of("digit as type", "v=0\r\n1=x\r\n", "SDP line 2: expected <type>=<value>, got \"1=x\""),
                Arguments.of("type letter alone", "v=0\r\na\r\n", "SDP line 2: expected <type>=<value>, got \"a\""),
                Arguments.of("NUL inside a line", "v=0\r\ns=a\0b\r\n", "SDP line 2: control character U+0000"),
                Arguments.of("escape inside a line", "v=0\r\ns=\u001b[31m\r\n", "SDP line 2: control character U+001B"),
                Arguments.of("DEL inside a line", "v=0\r\ns=\u007f\r\n", "SDP line 2: control character U+007F"),
                Arguments.of(
                        "bare CR inside a line",
                        "v=0\r\ns=a\rb=c\r\n",
                        "SDP line 2: control character U+000D (bare CR)"),
                Arguments.of("CR line ends only", "v=0\rs=-\r", "SDP line 1: control character U+000D (bare CR)"),
                Arguments.of(
                        "CR without LF at the very end",
                        "v=0\r\ns=-\r",
                        "SDP line 2: control character U+000D (bare CR)"),
                Arguments.of("unpaired surrogate", "v=0\r\ns=\ud800\r\n", "SDP line 2: unpaired surrogate U+D800"),
                Arguments.of("empty line in the middle", "v=0\r\n\r\ns=-\r\n", "SDP line 2: empty line"),
                Arguments.of("two line ends at the end", "v=0\r\ns=-\r\n\r\n", "SDP line 3: empty line"),
                Arguments.of("leading line end", "\nv=0\n", "SDP line 1: empty line"),
                Arguments.of(
                        "long junk is quoted briefly",
                        "v=0\r\n" + "x".repeat(100),
                        "SDP line 2: expected <type>=<value>, got \"" + "x".repeat(40) + "...\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void refusesMalformedSdp(String name, String sdp, String message) {
        SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse(sdp));
        assertEquals(message, e.getMessage());
        assertEquals(IdentityError.SDP_MALFORMED, e.error());
    }

    @Test
    void acceptsTabsAndNonAsciiText() {
        assertDoesNotThrow(() -> SessionDescription.parse("v=0\r\ns=Caf\u00e9 \ud83d\udcde\tcall\r\n"));
    }

    @Test
    void refusesMoreThan64KiB() {
        String sdp = "v=0\r\n" + ("a=x-padding:" + "p".repeat(100) + "\r\n").repeat(600);
        SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse(sdp));
        assertEquals("SDP larger than 65536 bytes", e.getMessage());
    }

    @Test
    void countsSizeInUtf8Bytes() {
        String sdp = "v=0\r\ns=\u00e9\u00e9\r\n"; // 11 characters, 13 bytes
        SdpLimits limits = new SdpLimits(12, 10, 100);
        SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse(sdp, limits));
        assertEquals("SDP larger than 12 bytes", e.getMessage());
        assertDoesNotThrow(() -> SessionDescription.parse(sdp, new SdpLimits(13, 10, 100)));
    }

    @Test
    void refusesMoreThan2000Lines() {
        String lines = "v=0\r\n" + "a=x\r\n".repeat(1999);
        assertDoesNotThrow(() -> SessionDescription.parse(lines));
        SdpException e = assertThrows(SdpException.class, () -> SessionDescription.parse(lines + "a=x\r\n"));
        assertEquals("SDP has more than 2000 lines", e.getMessage());
    }

    @Test
    void refusesALineLongerThan8192Characters() {
        String longest = "a=x-long:" + "y".repeat(8192 - 9);
        assertDoesNotThrow(() -> SessionDescription.parse(replaceLine(OFFER, 12, longest)));
        SdpException e =
                assertThrows(SdpException.class, () -> SessionDescription.parse(replaceLine(OFFER, 12, longest + "y")));
        assertEquals("SDP line 12 longer than 8192 characters", e.getMessage());
    }

    @Test
    void defaultLimitsAreTheNamedConstants() {
        assertEquals(new SdpLimits(65536, 2000, 8192), SdpLimits.DEFAULT);
        assertThrows(IllegalArgumentException.class, () -> new SdpLimits(0, 1, 1));
    }

    static String replaceLine(String sdp, int number, String text) {
        List<String> lines = new ArrayList<>(List.of(sdp.split("\r\n")));
        lines.set(number - 1, text);
        return String.join("\r\n", lines) + "\r\n";
    }
}
