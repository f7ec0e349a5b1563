package org.callsign.shim.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.callsign.shim.IdentityError;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sdp.SdpFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityAttributeTest {

    @Test
    void decodesFirefoxIdentity() throws Exception {
        IdentityAttribute attribute = IdentityAttribute.decode(firefoxIdentity());
        assertEquals(new IdpConfig("idp.test:8443", "default"), attribute.idp());
        assertTrue(attribute.assertion().startsWith("{\"identity\":\"alice@idp.test\",\"contents\":"));
    }

    @Test
    void encodesExactlyAsFirefoxDoes() throws Exception {
        String value = firefoxIdentity();
        assertEquals(value, IdentityAttribute.decode(value).encode());
    }

    @Test
    void decodesAnIdentityWhoseAttributeNameIsUpperCase() throws Exception {
        String value = SdpFixtures.parse(SdpFixtures.MIXED_CASE).identity().orElseThrow();
        assertEquals(
                new IdpConfig("idp-b.example", "default"),
                IdentityAttribute.decode(value).idp());
    }

    @Test
    void encodesCompactJsonWithMembersInOrder() {
        IdentityAttribute attribute = new IdentityAttribute(new IdpConfig("idp.example", "default"), "eyJ.e30.sig");
        assertEquals(
                "{\"idp\":{\"domain\":\"idp.example\",\"protocol\":\"default\"},\"assertion\":\"eyJ.e30.sig\"}",
                new String(Base64.getDecoder().decode(attribute.encode()), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            textBlock =
                    """
            plain JWS                      | idp-a.example      | default | eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZUBpZHAtYS5leGFtcGxlIn0.c2ln
            domain with a port             | idp.test:8443      | default | x
            other protocol                 | idp.example        | oidc    | x
            quotes and backslashes         | idp.example        | default | `{"contents":"{\\"fingerprint\\":[]}"}`
            non-ASCII text                 | idp.example        | default | per@idp-b.example says hallå 📞
            markup                         | idp.example        | default | </script><script>alert(1)</script>
            """)
    void roundTrips(String name, String domain, String protocol, String assertion) throws Exception {
        IdentityAttribute attribute = new IdentityAttribute(new IdpConfig(domain, protocol), assertion);
        assertEquals(attribute, IdentityAttribute.decode(attribute.encode()));
    }

    @Test
    void ignoresUnknownMembers() throws Exception {
        String json =
                "{\"v\":2,\"idp\":{\"domain\":\"a\",\"protocol\":\"b\",\"x\":[1,{}]},\"assertion\":\"z\",\"y\":null}";
        assertEquals(new IdentityAttribute(new IdpConfig("a", "b"), "z"), IdentityAttribute.decode(base64(json)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(
            resources = "/identity/malformed-attribute-values.csv",
            delimiterString = " | ",
            quoteCharacter = '`',
            numLinesToSkip = 1)
    void refusesValuesThatAreNotStrictBase64OfUtf8(String name, String value, String message) {
        assertRefused(value, message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvFileSource(
            resources = "/identity/malformed-attribute-json.csv",
            delimiterString = " | ",
            quoteCharacter = '`',
            numLinesToSkip = 1)
    void refusesJsonOfTheWrongShape(String name, String json, String message) {
        assertRefused(base64(json), message);
    }

    @Test
    void refusesAValueLongerThan6144Characters() {
        String json = "{\"idp\":{\"domain\":\"a\",\"protocol\":\"b\"},\"assertion\":\"\"}";
        String assertion = "x".repeat(IdentityAttribute.MAX_ATTRIBUTE_LENGTH / 4 * 3 - json.length());
        String longest = base64(json.replace("\"\"}", "\"" + assertion + "\"}"));
        assertEquals(IdentityAttribute.MAX_ATTRIBUTE_LENGTH, longest.length());
        assertEquals(assertion, assertDecodes(longest).assertion());
        assertRefused(longest + "AAAA", "a=identity rejected: longer than 6144 characters");
    }

    @Test
    void refusesAByteOrderMark() {
        IdentityException e = assertThrows(
                IdentityException.class,
                () -> IdentityAttribute.decode(
                        base64("\ufeff{\"idp\":{\"domain\":\"a\",\"protocol\":\"b\"},\"assertion\":\"x\"}")));
        assertTrue(e.getMessage().startsWith("a=identity rejected: not a JSON object (invalid JSON"), e.getMessage());
    }

    @Test
    void messageNeverQuotesTheAssertion() {
        String secret = "eyJhbGciOiJFUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.c2ln";
        String json = "{\"idp\":{\"domain\":\"a\",\"protocol\":\"b\"},\"assertion\":\"" + secret + "\",}";
        IdentityException e = assertThrows(IdentityException.class, () -> IdentityAttribute.decode(base64(json)));
        assertNotEquals(-1, e.getMessage().indexOf("invalid JSON"));
        assertEquals(-1, e.getMessage().indexOf("c2VjcmV0"));
        assertEquals(null, e.getCause());
    }

    @Test
    void recordRefusesAnEmptyAssertion() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityAttribute(new IdpConfig("a", "b"), ""));
        assertThrows(IllegalArgumentException.class, () -> new IdpConfig("", "default"));
        assertThrows(IllegalArgumentException.class, () -> new IdpConfig("idp.example", null));
    }

    private static void assertRefused(String value, String message) {
        IdentityException e = assertThrows(IdentityException.class, () -> IdentityAttribute.decode(value));
        assertEquals(message, e.getMessage());
        assertEquals(IdentityError.IDENTITY_MALFORMED, e.error());
    }

    private static IdentityAttribute assertDecodes(String value) {
        try {
            return IdentityAttribute.decode(value);
        } catch (IdentityException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static String firefoxIdentity() throws Exception {
        return SdpFixtures.parse(SdpFixtures.FIREFOX_WITH_IDENTITY).identity().orElseThrow();
    }

    static String base64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
