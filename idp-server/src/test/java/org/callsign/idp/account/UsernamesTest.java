package org.callsign.idp.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.callsign.idp.account.service.Usernames;
import org.callsign.idp.api.ApiError;
import org.callsign.idp.api.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsernamesTest {

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "plain lower case stays           | alice            | alice",
                "upper case is lowered            | Alice            | alice",
                "full-width letters fold by NFKC  | ＡＬＩＣＥ       | alice",
                "kelvin sign folds to k           | \u212Aate         | kate",
                "digits dots dashes underscores   | a.b_c-9          | a.b_c-9",
                "starts with a digit              | 9lives           | 9lives",
                "ligature expands by NFKC         | \uFB01ona         | fiona",
            })
    void normalises(String description, String input, String expected) {
        assertEquals(expected, Usernames.normalize(input));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "empty                            | ''                 | username is required",
                "at sign                          | alice@evil.example | username must not contain '@'",
                "full-width at sign folds to @    | alice＠evil        | username must not contain '@'",
                "space inside                     | al ice             | username must not contain whitespace or control characters",
                "leading space                    | ' alice'           | username must not contain whitespace or control characters",
                "tab                              | 'al\tice'          | username must not contain whitespace or control characters",
                "zero-width joiner                | al\u200Dice        | username must not contain whitespace or control characters",
                "non-ASCII letter                 | bjørn              | username may contain only a-z",
                "starts with a dot                | .alice             | must start with a letter or digit",
                "slash                            | a/b                | username may contain only a-z",
            })
    void refuses(String description, String input, String message) {
        ApiException e = assertThrows(ApiException.class, () -> Usernames.normalize(input));
        assertEquals(ApiError.INVALID_REQUEST, e.error());
        org.junit.jupiter.api.Assertions.assertTrue(
                e.getMessage().contains(message), e.getMessage() + " should contain " + message);
    }

    @org.junit.jupiter.api.Test
    void refusesNamesOverTheLengthLimit() {
        assertEquals("a".repeat(64), Usernames.normalize("a".repeat(64)));
        ApiException e = assertThrows(ApiException.class, () -> Usernames.normalize("a".repeat(65)));
        assertEquals("username is longer than 64 characters", e.getMessage());
        assertThrows(ApiException.class, () -> Usernames.normalize("a".repeat(10_000)));
    }

    @org.junit.jupiter.api.Test
    void refusesNull() {
        assertEquals(
                "username is required",
                assertThrows(ApiException.class, () -> Usernames.normalize(null))
                        .getMessage());
    }
}
