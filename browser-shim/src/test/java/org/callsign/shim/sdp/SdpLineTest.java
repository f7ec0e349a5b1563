package org.callsign.shim.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SdpLineTest {

    @ParameterizedTest(name = "{0}={1} is attribute {2}: {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            a | fingerprint:sha-256 AB | fingerprint | true
            a | FINGERPRINT:sha-256 AB | fingerprint | true
            a | Fingerprint            | fingerprint | true
            a | fingerprints:x         | fingerprint | false
            a | finger:print           | fingerprint | false
            b | fingerprint:x          | fingerprint | false
            a | fıngerprint:x         | fingerprint | false
            a | İDENTITY:x            | identity    | false
            """)
    void matchesAttributeNamesIgnoringCase(char type, String value, String name, boolean expected) {
        assertEquals(expected, new SdpLine(type, value).isAttribute(name));
    }

    @Test
    void attributeValueFollowsTheFirstColon() {
        assertEquals(Optional.of("sha-256 AB:CD"), new SdpLine('a', "fingerprint:sha-256 AB:CD").attributeValue());
        assertEquals(Optional.of(""), new SdpLine('a', "sendrecv").attributeValue());
        assertEquals(Optional.empty(), new SdpLine('s', "a:b").attributeValue());
    }

    @Test
    void refusesLineEndsInAValue() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SdpLine.attribute("identity", "x\na=y"));
        assertEquals("SDP line value has control character U+000A", e.getMessage());
    }

    @Test
    void refusesATypeThatIsNotALowerCaseLetter() {
        assertThrows(IllegalArgumentException.class, () -> new SdpLine('A', "x"));
    }
}
