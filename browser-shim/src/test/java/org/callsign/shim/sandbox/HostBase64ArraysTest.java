package org.callsign.shim.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code Uint8Array.fromBase64}'s decoding (ECMAScript 2026), done by the host, case by case as the proposal says. */
class HostBase64ArraysTest {

    @ParameterizedTest(name = "{0} ({1}, {2}) = \"{3}\"")
    @CsvSource(
            delimiter = '|',
            value = {
                "aGVsbG8=|false|loose|hello",
                "aGVsbG8|false|loose|hello",
                "' aGVs\tbG8\n'|false|loose|hello",
                "''|false|loose|''",
                "YR==|false|loose|a", // stray bits are ignored unless strict
                "aGVsbG8=|false|strict|hello",
                "aGVsbG8|false|stop-before-partial|hel", // the partial chunk bG8 is left
                "aGVsbG8=|false|stop-before-partial|hello",
                "dGVzdA|true|loose|test",
            })
    void decodesAsTheProposalSays(String input, boolean url, String last, String expected) {
        assertEquals(expected, new String(HostBase64Arrays.decode(input, url, last), StandardCharsets.ISO_8859_1));
    }

    @ParameterizedTest(name = "{0} ({1}, {2}) is a SyntaxError")
    @CsvSource(
            delimiter = '|',
            value = {
                "a|false|loose", // one character of a last chunk
                "YQ=|false|loose", // padding that does not complete the chunk
                "YQ===|false|loose",
                "Y=Q=|false|loose", // padding in the middle
                "aGVsbG8=x|false|loose", // something after the padding
                "aGVsbG8|false|strict", // strict wants the padding
                "YR==|false|strict", // strict wants the stray bits zero
                "-_8|false|loose", // the URL alphabet's characters in the standard one
                "+/8|true|loose", // and the other way round
                "é|false|loose",
            })
    void refusesWhatTheProposalRefuses(String input, boolean url, String last) {
        assertNull(HostBase64Arrays.decode(input, url, last));
        assertEquals(-1, HostBase64Arrays.decodedLength(input, url, last));
    }

    @Test
    void agreesWithTheJdkOnRandomBytesInBothAlphabets() {
        Random random = new Random(8827);
        for (int length = 0; length < 200; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertArrayEquals(
                    bytes,
                    HostBase64Arrays.decode(Base64.getEncoder().encodeToString(bytes), false, HostBase64Arrays.STRICT));
            assertArrayEquals(
                    bytes,
                    HostBase64Arrays.decode(
                            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                            true,
                            HostBase64Arrays.LOOSE));
        }
    }
}
