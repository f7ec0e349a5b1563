package org.callsign.wellknown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WellKnownUriTest {

    @ParameterizedTest(name = "{0} + {1}/{2} -> {3}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            idp.example        | idp-proxy | default | https://idp.example/.well-known/idp-proxy/default
            IdP.Example:8443   | idp-proxy | default | https://idp.example:8443/.well-known/idp-proxy/default
            [::1]:8443         | callsign  |         | https://[::1]:8443/.well-known/callsign
            127.0.0.1          | webfinger |         | https://127.0.0.1/.well-known/webfinger
            bücher.example     | callsign  |         | https://xn--bcher-kva.example/.well-known/callsign
            idp.example        | idp-proxy | a%20b   | https://idp.example/.well-known/idp-proxy/a%20b
            idp.example        | idp-proxy | v1:beta | https://idp.example/.well-known/idp-proxy/v1:beta
            """)
    void buildsWellKnownUris(String authority, String suffix, String segment, String expected) throws Exception {
        URI uri = segment == null
                ? WellKnownUri.https(authority, suffix)
                : WellKnownUri.https(authority, suffix, segment);
        assertEquals(expected, uri.toString());
        assertTrue(WellKnownUri.isWellKnown(uri));
    }

    @ParameterizedTest(name = "protocol \"{0}\" refused: {1}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            a/b       | must not contain '/'
            a\\b      | must not contain '\\'
            a%2Fb     | encoded '/'
            a%2fb     | encoded '/'
            a%5Cb     | encoded '/' or '\\'
            a%5cb     | encoded '/' or '\\'
            %252F     | encoded '%'
            ..        | dot segment
            .         | dot segment
            %2E%2E    | dot segment
            a%2     | truncated percent-encoding
            a%zzb     | invalid percent-encoding: %ZZ
            a?b       | not allowed in a path segment: '?'
            a#b       | not allowed in a path segment: '#'
            a b       | not allowed in a path segment: ' '
            a%00b     | encoded control characters
            """)
    void refusesUnsafeSegments(String protocol, String message) {
        UriRuleException e =
                assertThrows(UriRuleException.class, () -> WellKnownUri.https("idp.example", "idp-proxy", protocol));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void refusesEmptyAndOverlongSegments() {
        assertThrows(UriRuleException.class, () -> WellKnownUri.https("idp.example", ""));
        assertThrows(UriRuleException.class, () -> WellKnownUri.https("idp.example", "idp-proxy", ""));
        String overlong = "a".repeat(WellKnownUri.MAX_SEGMENT_LENGTH + 1);
        UriRuleException e =
                assertThrows(UriRuleException.class, () -> WellKnownUri.https("idp.example", "idp-proxy", overlong));
        assertEquals("path segment longer than 255 characters", e.getMessage());
    }

    @Test
    void refusesSchemesOtherThanHttpAndHttps() throws Exception {
        Authority authority = Authority.parse("idp.example");
        UriRuleException e = assertThrows(UriRuleException.class, () -> WellKnownUri.of("ftp", authority, "callsign"));
        assertEquals("scheme must be https or http: ftp", e.getMessage());
        assertEquals(
                "http://idp.example/.well-known/callsign",
                WellKnownUri.of("http", authority, "callsign").toString());
    }

    @Test
    void recognisesWellKnownPaths() {
        assertTrue(WellKnownUri.isWellKnown(URI.create("https://a.example/.well-known/webfinger?resource=x")));
        assertFalse(WellKnownUri.isWellKnown(URI.create("https://a.example/.well-known/")));
        assertFalse(WellKnownUri.isWellKnown(URI.create("https://a.example/well-known/webfinger")));
    }
}
