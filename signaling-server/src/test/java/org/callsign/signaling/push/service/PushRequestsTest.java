package org.callsign.signaling.push.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.callsign.signaling.push.store.PushSubscription;
import org.callsign.signaling.push.store.PushType;
import org.callsign.wellknown.fetch.FetchRequest;
import org.junit.jupiter.api.Test;

/** The payload and headers of a push: exactly the allowed members; TTL, Urgency, Topic and VAPID per RFC. */
class PushRequestsTest {

    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    private static final VapidKeys KEYS = VapidKeys.generated();
    private static final PushRequests REQUESTS = new PushRequests(KEYS, Optional.of("mailto:owner@example.org"));

    static final PushSubscription SUBSCRIPTION = new PushSubscription(
            "sub-1",
            "alice",
            "phone",
            PushType.WEBPUSH,
            "https://push.example.net:8443/wpush/v2/abc?x=1",
            UserAgentKeys.p256dh(),
            UserAgentKeys.auth(),
            NOW,
            NOW.plusSeconds(3600));

    private static CallNotification incoming(String caller) {
        return new CallNotification(CallNotification.Kind.INCOMING_CALL, "c4ll-1d", caller, NOW.plusSeconds(45));
    }

    private static FetchRequest request(CallNotification notification, Instant at) {
        return REQUESTS.request(SUBSCRIPTION, notification, new byte[] {1, 2, 3}, at);
    }

    @Test
    void payloadIsExactlyTypeCallCallerAndExpiry() {
        String json = new String(PushPayload.of(incoming("alice@idp-a.example")).toBytes(), StandardCharsets.UTF_8);

        assertEquals(
                "{\"type\":\"incoming-call\",\"call\":\"c4ll-1d\",\"caller\":\"alice@idp-a.example\",\"expires\":"
                        + NOW.plusSeconds(45).getEpochSecond() + "}",
                json);
    }

    @Test
    void payloadLeavesOutAnUnknownCaller() {
        CallNotification missed = new CallNotification(CallNotification.Kind.MISSED_CALL, "c4ll-1d", null, NOW);

        assertEquals(
                "{\"type\":\"missed-call\",\"call\":\"c4ll-1d\",\"expires\":" + NOW.getEpochSecond() + "}",
                new String(PushPayload.of(missed).toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void anIncomingCallIsUrgentAndLivesUntilTheRingingEnds() {
        FetchRequest request = request(incoming(null), NOW.plusSeconds(5));

        assertEquals("POST", request.method());
        assertEquals("40", request.headers().get("TTL"));
        assertEquals("high", request.headers().get("Urgency"));
        assertEquals("aes128gcm", request.headers().get("Content-Encoding"));
        assertEquals("application/octet-stream", request.headers().get("Content-Type"));
        assertTrue(request.acceptAnyStatus());
    }

    @Test
    void anIncomingCallPastItsRingingHasTtlZero() {
        assertEquals("0", request(incoming(null), NOW.plusSeconds(60)).headers().get("TTL"));
    }

    @Test
    void aMissedCallIsNormalAndLivesADay() {
        CallNotification missed = new CallNotification(CallNotification.Kind.MISSED_CALL, "c4ll-1d", null, NOW);
        FetchRequest request = request(missed, NOW);

        assertEquals("86400", request.headers().get("TTL"));
        assertEquals("normal", request.headers().get("Urgency"));
    }

    @Test
    void theMissedCallHasTheTopicOfItsIncomingCall() {
        CallNotification missed = new CallNotification(CallNotification.Kind.MISSED_CALL, "c4ll-1d", null, NOW);
        String topic = request(incoming(null), NOW).headers().get("Topic");

        assertEquals(topic, request(missed, NOW).headers().get("Topic"));
        assertEquals(32, topic.length());
        assertTrue(topic.matches("[A-Za-z0-9_-]+"), topic);
        assertNotEquals(topic, PushRequests.topic("another-call"));
    }

    @Test
    void vapidNamesThePushServicesOriginTheSubjectAndTheKey() throws Exception {
        String authorization = request(incoming(null), NOW).headers().get("Authorization");

        assertTrue(authorization.startsWith("vapid t="), authorization);
        assertTrue(authorization.endsWith(", k=" + KEYS.publicKey()), authorization);
        String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
        assertEquals("ES256", header.get("alg").asText());
        assertEquals("https://push.example.net:8443", claims.get("aud").asText());
        assertEquals("mailto:owner@example.org", claims.get("sub").asText());
        long lifetime = claims.get("exp").asLong() - Instant.now().getEpochSecond();
        assertTrue(lifetime > 0 && lifetime <= 24 * 3600, "exp within RFC 8292's 24 hours: " + lifetime);
    }

    @Test
    void oneTokenServesAPushServiceForAnHourThenANewOneIsSigned() {
        PushRequests requests = new PushRequests(KEYS, Optional.empty());
        String first = requests.request(SUBSCRIPTION, incoming(null), new byte[] {1}, NOW)
                .headers()
                .get("Authorization");
        PushSubscription sameService = new PushSubscription(
                "sub-2",
                "bob",
                "laptop",
                PushType.WEBPUSH,
                "https://push.example.net:8443/wpush/v2/other",
                UserAgentKeys.p256dh(),
                UserAgentKeys.auth(),
                NOW,
                NOW.plusSeconds(3600));
        PushSubscription otherService = new PushSubscription(
                "sub-3",
                "bob",
                "laptop",
                PushType.WEBPUSH,
                "https://updates.example.org/wpush/v2/other",
                UserAgentKeys.p256dh(),
                UserAgentKeys.auth(),
                NOW,
                NOW.plusSeconds(3600));
        Instant later = NOW.plus(PushRequests.VAPID_TOKEN_REUSE).minusSeconds(1);

        assertEquals(first, authorizationOf(requests, sameService, later), "the same origin, within the hour");
        assertNotEquals(first, authorizationOf(requests, otherService, later), "another origin, another audience");
        assertNotEquals(
                first,
                authorizationOf(requests, sameService, NOW.plus(PushRequests.VAPID_TOKEN_REUSE)),
                "after the hour, a new token");
    }

    private static String authorizationOf(PushRequests requests, PushSubscription subscription, Instant at) {
        return requests.request(subscription, incoming(null), new byte[] {1}, at)
                .headers()
                .get("Authorization");
    }

    @Test
    void encryptsForTheSubscriptionWithAFreshKeyEachTime() {
        byte[] first = REQUESTS.encrypt(SUBSCRIPTION, incoming(null));
        byte[] second = REQUESTS.encrypt(SUBSCRIPTION, incoming(null));

        // RFC 8188 §2.1 header: salt (16), record size (4), key id length (1) = 65, the sender's public key.
        assertEquals(65, first[20]);
        assertNotEquals(
                Base64.getEncoder().encodeToString(first), Base64.getEncoder().encodeToString(second));
    }
}
