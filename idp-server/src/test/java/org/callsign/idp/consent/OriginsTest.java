package org.callsign.idp.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.callsign.idp.api.ApiException;
import org.callsign.idp.consent.service.Origins;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https origin stays,                  https://rp.example,            https://rp.example",
        "case is lowered,                     HTTPS://RP.Example,            https://rp.example",
        "default port is dropped,             https://rp.example:443,        https://rp.example",
        "other port is kept,                  https://rp.example:8443,       https://rp.example:8443",
        "http on loopback for development,    http://localhost:3000,         http://localhost:3000",
        "http on loopback address,            http://127.0.0.1,              http://127.0.0.1",
    })
    void serialises(String description, String input, String expected) {
        assertEquals(expected, Origins.parse(input));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "plain http elsewhere,        http://rp.example,              https (http only on loopback)",
        "a path,                      https://rp.example/app,         must not have a path",
        "a trailing slash,            https://rp.example/,            must not have a path",
        "a query,                     https://rp.example?x=1,         must not have a path",
        "user info,                   https://user@rp.example,        scheme://host[:port]",
        "no scheme,                   rp.example,                     scheme://host[:port]",
        "javascript,                  javascript:alert(1),            scheme://host[:port]",
        "the opaque origin,           null,                           scheme://host[:port]",
        "not a URL,                   https://rp example,             not a URL",
    })
    void refuses(String description, String input, String message) {
        ApiException e = assertThrows(ApiException.class, () -> Origins.parse(input));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
