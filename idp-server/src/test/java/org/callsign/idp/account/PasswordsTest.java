package org.callsign.idp.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.callsign.idp.account.service.Passwords;
import org.callsign.idp.api.ApiException;
import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void acceptsSpacesAndUnicodeAndNormalisesWithNfkc() {
        assertEquals("pass word ﬀ".replace("ﬀ", "ff"), Passwords.validate("password", "pass word ﬀ"));
        assertEquals(
                "ｐａｓｓｗｏｒｄ".length(), Passwords.validate("password", "ｐａｓｓｗｏｒｄ").length());
        assertEquals("password", Passwords.validate("password", "ｐａｓｓｗｏｒｄ"));
    }

    @Test
    void refusesShortPasswords() {
        assertEquals(
                "password is shorter than 8 characters",
                assertThrows(ApiException.class, () -> Passwords.validate("password", "1234567"))
                        .getMessage());
    }

    @Test
    void refusesPasswordsThatBcryptWouldTruncate() {
        assertEquals(72, Passwords.validate("password", "x".repeat(72)).length());
        assertEquals(
                "newPassword is longer than 72 bytes (UTF-8)",
                assertThrows(ApiException.class, () -> Passwords.validate("newPassword", "x".repeat(73)))
                        .getMessage());
        // 25 three-byte characters: 75 bytes.
        assertThrows(ApiException.class, () -> Passwords.validate("password", "€".repeat(25)));
    }

    @Test
    void refusesControlCharactersAndMissingPasswords() {
        assertEquals(
                "password must not contain control characters",
                assertThrows(ApiException.class, () -> Passwords.validate("password", "abc\u0000defgh"))
                        .getMessage());
        assertEquals(
                "password is required",
                assertThrows(ApiException.class, () -> Passwords.validate("password", null))
                        .getMessage());
    }

    @Test
    void plausibleOnlyWithinBcryptLimit() {
        assertTrue(Passwords.plausible("x".repeat(72)));
        assertFalse(Passwords.plausible("x".repeat(73)));
        assertFalse(Passwords.plausible(null));
    }
}
