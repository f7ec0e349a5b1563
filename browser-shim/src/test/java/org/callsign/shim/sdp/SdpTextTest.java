package org.callsign.shim.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdpTextTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}, {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            mixed case                 | Sha-256 Ab:cD | sha-256 ab:cd | SHA-256 AB:CD
            nothing to change below    | sha-256       | sha-256       | SHA-256
            non-ASCII letters untouched | İı ß ﬀ        | İı ß ﬀ        | İı ß ﬀ
            empty                      | ''            | ''            | ''
            """)
    void changesTheCaseOfAsciiLettersOnly(String name, String text, String lower, String upper) {
        assertEquals(lower, SdpText.lowerAscii(text));
        assertEquals(upper, SdpText.upperAscii(text));
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({"sha-256, SHA-256", "0123:abcd, 0123:ABCD", "'', ''"})
    void returnsTheSameTextWhenNothingChanges(String lower, String upper) {
        assertSame(lower, SdpText.lowerAscii(lower));
        assertSame(upper, SdpText.upperAscii(upper));
    }

    @ParameterizedTest(name = "{1} in {0} from {2} to {3}: {4}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            FINGERPRINT:x | fingerprint | 0 | 11 | true
            a=Identity    | identity    | 2 | 10 | true
            fingerprints  | fingerprint | 0 | 12 | false
            finger        | fingerprint | 0 | 6  | false
            İdentity      | identity    | 0 | 8  | false
            """)
    void comparesARegionIgnoringAsciiCaseOnly(String text, String other, int from, int to, boolean expected) {
        assertEquals(expected, SdpText.equalsIgnoreAsciiCase(text, from, to, other));
    }
}
