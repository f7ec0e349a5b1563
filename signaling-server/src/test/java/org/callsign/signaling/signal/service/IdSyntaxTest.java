package org.callsign.signaling.signal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdSyntaxTest {
    // The regular expressions the table replaces: each syntax must accept exactly what its expression matched.
    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]*");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]*");

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("session of 8 base64url characters", IdSyntax.SESSION, "aZ09_-xy", true),
                Arguments.of("session of 64 characters", IdSyntax.SESSION, "a".repeat(64), true),
                Arguments.of("session of 7 characters is too short", IdSyntax.SESSION, "abcdefg", false),
                Arguments.of("session of 65 characters is too long", IdSyntax.SESSION, "a".repeat(65), false),
                Arguments.of("session with a dot", IdSyntax.SESSION, "abcd.efgh", false),
                Arguments.of("session with a space", IdSyntax.SESSION, "abcd efgh", false),
                Arguments.of("session with a non-ASCII letter", IdSyntax.SESSION, "abcdéfgh", false),
                Arguments.of("session with a character past Latin-1", IdSyntax.SESSION, "abcd\u0100fgh", false),
                Arguments.of("session with a slash", IdSyntax.SESSION, "abcd/efgh", false),
                Arguments.of("empty session", IdSyntax.SESSION, "", false),
                Arguments.of("device id of one character", IdSyntax.DEVICE, "d", true),
                Arguments.of("device id with a colon", IdSyntax.DEVICE, "d:1", false),
                Arguments.of("call id of 16 characters", IdSyntax.CALL, "0123456789abcdef", true),
                Arguments.of("call id of 15 characters", IdSyntax.CALL, "0123456789abcde", false),
                Arguments.of("message id of punctuation", IdSyntax.MESSAGE, "!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~", true),
                Arguments.of("message id with a space", IdSyntax.MESSAGE, "m 1", false),
                Arguments.of("message id with a tab", IdSyntax.MESSAGE, "m\t1", false),
                Arguments.of("message id with DEL", IdSyntax.MESSAGE, "m\u007f", false),
                Arguments.of("message id of 65 characters", IdSyntax.MESSAGE, "m".repeat(65), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void acceptsExactlyItsCharactersAndLengths(String name, IdSyntax syntax, String value, boolean expected) {
        assertEquals(expected, syntax.test(value));
    }

    @Test
    void refusesNull() {
        assertEquals(false, IdSyntax.SESSION.test(null));
    }

    @Test
    void acceptsEachCharacterExactlyWhenTheRegularExpressionDid() {
        for (char c = 0; c < 0x200; c++) {
            String value = String.valueOf(c).repeat(20);
            assertEquals(URL_SAFE.matcher(value).matches(), IdSyntax.CALL.test(value), "character " + (int) c);
            assertEquals(PRINTABLE.matcher(value).matches(), IdSyntax.MESSAGE.test(value.substring(0, 1)));
        }
    }

    @Test
    void refusesImpossibleLengths() {
        assertEquals(
                "lengths must be 1 <= min <= max: 5, 4",
                assertThrows(IllegalArgumentException.class, () -> IdSyntax.urlSafe(5, 4))
                        .getMessage());
    }
}
