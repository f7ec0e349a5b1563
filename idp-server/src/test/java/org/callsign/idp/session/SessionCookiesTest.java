package org.callsign.idp.session;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.callsign.idp.session.service.SessionCookies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionCookiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8081", "http://127.0.0.1:8081", "http://[::1]:8081"})
    void insecureCookieIsAllowedForLoopbackIssuers(String issuer) {
        assertDoesNotThrow(() -> SessionCookies.checkSecureSetting(issuer, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://idp.example", "http://192.168.1.5:8081", "http://localhost.evil.example"})
    void insecureCookieIsRefusedForOtherIssuers(String issuer) {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> SessionCookies.checkSecureSetting(issuer, false));
        assertEquals(
                "callsign.idp.sessions.cookie-secure=false is allowed only for a loopback issuer, not " + issuer,
                e.getMessage());
        assertDoesNotThrow(() -> SessionCookies.checkSecureSetting(issuer, true));
    }
}
