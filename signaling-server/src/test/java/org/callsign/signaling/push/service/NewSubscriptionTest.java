package org.callsign.signaling.push.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import org.callsign.server.api.ApiException;
import org.callsign.signaling.api.ApiError;
import org.callsign.signaling.push.store.PushType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A device's push subscription is checked field by field; each bad input has its own message. */
class NewSubscriptionTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final String ENDPOINT = "https://push.example.net/wpush/v2/abc";
    private static final String P256DH = UserAgentKeys.p256dh();
    private static final String AUTH = UserAgentKeys.auth();

    private static NewSubscription validate(String type, String endpoint, String p256dh, String auth, Long expires) {
        return NewSubscription.validate(type, endpoint, p256dh, auth, expires, false, NOW);
    }

    private static String refusal(String type, String endpoint, String p256dh, String auth, Long expires) {
        ApiException e = assertThrows(ApiException.class, () -> validate(type, endpoint, p256dh, auth, expires));
        assertEquals(ApiError.INVALID_REQUEST, e.error());
        return e.getMessage();
    }

    @Test
    void acceptsAWebPushSubscriptionAsABrowserGivesIt() {
        NewSubscription checked =
                validate("webpush", ENDPOINT, P256DH, AUTH, NOW.plusSeconds(60).toEpochMilli());

        assertEquals(PushType.WEBPUSH, checked.type());
        assertEquals(URI.create(ENDPOINT), checked.endpoint());
        assertEquals(P256DH, checked.p256dh());
        assertEquals(AUTH, checked.auth());
        assertEquals(NOW.plusSeconds(60), checked.expirationTime());
    }

    @Test
    void acceptsUnifiedPushAndPaddedKeysAndWritesThemUnpadded() {
        String padded =
                Base64.getUrlEncoder().encodeToString(Base64.getUrlDecoder().decode(AUTH));

        NewSubscription checked = validate("unifiedpush", ENDPOINT, P256DH, padded, null);

        assertEquals(PushType.UNIFIEDPUSH, checked.type());
        assertEquals(AUTH, checked.auth());
        assertEquals(null, checked.expirationTime());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no type | | type is required",
                "an unknown type | fcm | type must be webpush or unifiedpush",
                "a type in capitals | WEBPUSH | type must be webpush or unifiedpush"
            })
    void refusesTypes(String name, String type, String message) {
        assertEquals(message, refusal(type, ENDPOINT, P256DH, AUTH, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "plain http | http://push.example.net/x | endpoint must be https",
                "plain http to loopback when loopback is not allowed | http://127.0.0.1:8090/x | endpoint must be https",
                "another scheme | ftp://push.example.net/x | endpoint must be https",
                "a relative reference | /wpush/abc | endpoint is not an absolute URI with a host",
                "no host | https:///abc | endpoint is not an absolute URI with a host",
                "an opaque URI | mailto:push@example.net | endpoint is not an absolute URI with a host",
                "user information | https://user@push.example.net/x | endpoint must not carry user information or a"
                        + " fragment",
                "a fragment | https://push.example.net/x#y | endpoint must not carry user information or a fragment",
                "not a URI | https://push.example.net/a b | endpoint is not a URI"
            })
    void refusesEndpoints(String name, String endpoint, String message) {
        assertEquals(message, refusal("webpush", endpoint, P256DH, AUTH, null));
    }

    @Test
    void refusesAnEndpointLongerThan2048Characters() {
        String endpoint = "https://push.example.net/" + "a".repeat(NewSubscription.MAX_ENDPOINT_LENGTH);

        assertEquals("endpoint is longer than 2048 characters", refusal("webpush", endpoint, P256DH, AUTH, null));
    }

    @Test
    void refusesAMissingEndpoint() {
        assertEquals("endpoint is required", refusal("webpush", null, P256DH, AUTH, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://localhost:8090/notify/x", "http://127.0.0.1:8090/x", "http://[::1]:8090/x"})
    void acceptsPlainHttpToLoopbackOnlyWhereLoopbackIsAllowed(String endpoint) {
        NewSubscription checked = NewSubscription.validate("webpush", endpoint, P256DH, AUTH, null, true, NOW);

        assertEquals(URI.create(endpoint), checked.endpoint());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://push.example.net/x", "http://10.0.0.1/x", "http://localhost.example.net/x"})
    void refusesPlainHttpToOtherHostsEvenWhereLoopbackIsAllowed(String endpoint) {
        ApiException e = assertThrows(
                ApiException.class, () -> NewSubscription.validate("webpush", endpoint, P256DH, AUTH, null, true, NOW));

        assertEquals("endpoint must be https (or http to a loopback host)", e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "standard base64 | keys.p256dh | ab+/ | keys.p256dh is not base64url",
                "spaces | keys.auth | YWJj ZGVm | keys.auth is not base64url",
                "a lone character | keys.auth | A | keys.auth is not base64url",
                "empty | keys.p256dh | '' | keys.p256dh is required"
            })
    void refusesKeysThatAreNotBase64url(String name, String field, String value, String message) {
        String p256dh = field.equals("keys.p256dh") ? value : P256DH;
        String auth = field.equals("keys.auth") ? value : AUTH;

        assertEquals(message, refusal("webpush", ENDPOINT, p256dh, auth, null));
    }

    @Test
    void refusesAP256dhOfTheWrongLength() {
        byte[] compressed = Arrays.copyOf(Base64.getUrlDecoder().decode(P256DH), 33);
        compressed[0] = 0x02;

        assertEquals(
                "keys.p256dh is 33 bytes, not the 65 of an uncompressed P-256 point",
                refusal("webpush", ENDPOINT, UserAgentKeys.encode(compressed), AUTH, null));
    }

    @Test
    void refusesAP256dhThatIsNotUncompressed() {
        byte[] point = Base64.getUrlDecoder().decode(P256DH);
        point[0] = 0x03;

        assertEquals(
                "keys.p256dh is not an uncompressed point (first byte 0x04)",
                refusal("webpush", ENDPOINT, UserAgentKeys.encode(point), AUTH, null));
    }

    @Test
    void refusesAP256dhOffTheCurve() {
        byte[] point = Base64.getUrlDecoder().decode(P256DH);
        point[64] ^= 0x01;

        assertEquals(
                "keys.p256dh is not a point on the P-256 curve",
                refusal("webpush", ENDPOINT, UserAgentKeys.encode(point), AUTH, null));
    }

    @Test
    void refusesAP256dhOutsideTheField() {
        byte[] point = new byte[65];
        point[0] = 0x04;
        Arrays.fill(point, 1, 65, (byte) 0xff);

        assertEquals(
                "keys.p256dh has a coordinate outside the field of P-256",
                refusal("webpush", ENDPOINT, UserAgentKeys.encode(point), AUTH, null));
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {8, 15, 17, 32})
    void refusesAnAuthSecretThatIsNot16Bytes(int length) {
        assertEquals(
                "keys.auth is " + length + " bytes, not 16",
                refusal("webpush", ENDPOINT, P256DH, UserAgentKeys.encode(new byte[length]), null));
    }

    @Test
    void refusesAnExpirationTimeThatHasPassed() {
        assertEquals("expirationTime has passed", refusal("webpush", ENDPOINT, P256DH, AUTH, NOW.toEpochMilli()));
    }
}
