package org.callsign.signaling.federation.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which strings are origins as an {@code iss} must be written (RFC 6454 §6.2). */
class OriginsTest {

    @ParameterizedTest(name = "{0}: https only {1}, http allowed {2}")
    @CsvSource({
        "https://sig-a.example,              true,  true",
        "https://sig-a.example:8443,         true,  true",
        "https://127.0.0.1:8443,             true,  true",
        "https://[::1]:8443,                 true,  true",
        "http://127.0.0.1:8082,              false, true",
        "http://localhost,                   false, true",
        "http://localhost:80,                false, false",
        "https://sig-a.example:443,          false, false",
        "https://SIG-A.example,              false, false",
        "HTTPS://sig-a.example,              false, false",
        "https://sig-a.example/,             false, false",
        "https://sig-a.example/federation,   false, false",
        "https://sig-a.example?x=1,          false, false",
        "https://sig-a.example#x,            false, false",
        "https://user@sig-a.example,         false, false",
        "https://user:pw@sig-a.example,      false, false",
        "https://sig_a.example,              false, false",
        "https://,                           false, false",
        "wss://sig-a.example,                false, false",
        "sig-a.example,                      false, false",
        "//sig-a.example,                    false, false",
        "https://sig-a.example:99999,        false, false",
        "'https://sig-a.example ',           false, false"
    })
    void knowsAnOrigin(String value, boolean httpsOnly, boolean httpAllowed) {
        assertEquals(httpsOnly, Origins.isOrigin(value, false));
        assertEquals(httpAllowed, Origins.isOrigin(value, true));
    }
}
