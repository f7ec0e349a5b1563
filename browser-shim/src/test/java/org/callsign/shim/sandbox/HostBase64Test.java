package org.callsign.shim.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code atob} and {@code btoa} as the HTML standard defines them (forgiving-base64), done by the host. */
class HostBase64Test {

    @ParameterizedTest(name = "atob(\"{0}\") = \"{1}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "aGVsbG8=|hello",
                "aGVsbG8|hello",
                "' aGVs\tbG8\n'|hello",
                "''|''",
                "YQ==|a",
                "YQ|a",
                "YR==|a", // non-zero unused bits are dropped, as browsers do
                "+/8=|\u00fb\u00ff",
            })
    void decodesAsBrowsersDo(String input, String expected) {
        assertEquals(expected, HostBase64.atob(input));
    }

    @ParameterizedTest(name = "atob(\"{0}\") fails")
    @ValueSource(strings = {"a", "abcde", "aGVsbG8$", "aGVsbG8===", "YQ=", "Y=Q=", "aGVs-bG8", "aGVs_bG8", "é"})
    void refusesWhatBrowsersRefuse(String input) {
        assertNull(HostBase64.atob(input));
    }

    @Test
    void btoaRoundTripsEveryByte() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 256; c++) {
            all.append(c);
        }
        String encoded = HostBase64.btoa(all.toString());
        assertEquals(all.toString(), HostBase64.atob(encoded));
    }

    @Test
    void btoaRefusesCodePointsAboveFf() {
        assertNull(HostBase64.btoa("h\u0100llo"));
        assertEquals("aGVsbG8=", HostBase64.btoa("hello"));
    }

    @Test
    void inputAboveTheLimitIsAFault() {
        String huge = "A".repeat(HostBase64.MAX_CHARS + 4);
        SandboxFault fault = assertThrows(SandboxFault.class, () -> HostBase64.atob(huge));
        assertEquals("input larger than " + HostBase64.MAX_CHARS + " characters", fault.getMessage());
    }
}
