package org.callsign.signaling.push.service;

import com.zerodeplibs.webpush.EncryptedPushMessage;
import com.zerodeplibs.webpush.MessageEncryption;
import com.zerodeplibs.webpush.MessageEncryptions;
import com.zerodeplibs.webpush.PushMessage;
import com.zerodeplibs.webpush.UserAgentMessageEncryptionKeyInfo;
import com.zerodeplibs.webpush.jwt.VAPIDJWTParam;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.callsign.signaling.push.store.PushSubscription;
import org.callsign.wellknown.fetch.FetchRequest;

/**
 * The HTTP request of one push (RFC 8030 §5): a POST to the subscription's endpoint whose body is the
 * {@link PushPayload} encrypted for the subscription's keys ({@code Content-Encoding: aes128gcm}, RFC 8291 §4), with
 * VAPID authentication ({@code Authorization: vapid t=<JWT>, k=<public key>}, RFC 8292 §3) and the delivery headers:
 *
 * <ul>
 *   <li>{@code TTL} (§5.2): the seconds until an incoming call stops ringing (0 once it has), a day for a missed call;
 *   <li>{@code Urgency} (§5.3): {@code high} for an incoming call, {@code normal} for a missed one;
 *   <li>{@code Topic} (§5.4): the first {@value #TOPIC_BYTES} bytes of a SHA-256 of the call id, base64url (32
 *       characters), so that the missed-call push replaces an incoming-call push still held by the push service.
 * </ul>
 */
public final class PushRequests {

    /** {@code TTL} of a missed-call push. */
    public static final long MISSED_CALL_TTL_SECONDS = Duration.ofDays(1).toSeconds();

    /** Bytes of the call id's digest in {@code Topic}: 32 base64url characters, the most RFC 8030 §5.4 allows. */
    public static final int TOPIC_BYTES = 24;

    /** How long a VAPID token is valid; RFC 8292 §2 allows at most 24 hours. */
    public static final Duration VAPID_TOKEN_LIFETIME = Duration.ofHours(12);

    /**
     * How long one push service's token is reused (signing costs more than half a millisecond): it then has at least
     * 11 hours left, so a push service's clock may be far off before it looks expired.
     */
    public static final Duration VAPID_TOKEN_REUSE = Duration.ofHours(1);

    /** Push service origins whose tokens are kept; past it the kept tokens are dropped and made again. */
    static final int MAX_KEPT_TOKENS = 1024;

    /** A VAPID {@code Authorization} value and until when it is reused. */
    private record KeptToken(String header, Instant reuseUntil) {}

    private final Map<String, KeptToken> tokens = new ConcurrentHashMap<>();

    private static final String TOPIC_CONTEXT = "callsign-push-topic:";

    /** One per thread: the library's encryption keeps its HMAC between calls and is not safe to share. */
    private final ThreadLocal<MessageEncryption> encryption = ThreadLocal.withInitial(MessageEncryptions::of);

    private final VapidKeys keys;
    private final Optional<String> subject;

    /**
     * @param keys the VAPID key
     * @param subject the VAPID {@code sub} claim, a {@code mailto:} or {@code https:} URI (RFC 8292 §2.1), if any
     */
    public PushRequests(VapidKeys keys, Optional<String> subject) {
        this.keys = keys;
        this.subject = subject;
    }

    /** The payload of {@code notification} encrypted for {@code subscription}: a fresh salt and key each time. */
    public byte[] encrypt(PushSubscription subscription, CallNotification notification) {
        EncryptedPushMessage message = encryption
                .get()
                .encrypt(
                        UserAgentMessageEncryptionKeyInfo.of(subscription.p256dh(), subscription.auth()),
                        PushMessage.of(PushPayload.of(notification).toBytes()));
        return message.toBytes();
    }

    /** The request that delivers {@code body} (from {@link #encrypt}) at {@code now}. */
    public FetchRequest request(
            PushSubscription subscription, CallNotification notification, byte[] body, Instant now) {
        URI endpoint = URI.create(subscription.endpoint());
        boolean incoming = notification.kind() == CallNotification.Kind.INCOMING_CALL;
        return FetchRequest.of("POST", endpoint, body)
                .header("Content-Type", "application/octet-stream")
                .header("Content-Encoding", "aes128gcm")
                .header("TTL", Long.toString(ttl(notification, now)))
                .header("Urgency", incoming ? "high" : "normal")
                .header("Topic", topic(notification.call()))
                .header("Authorization", authorization(endpoint, now))
                .anyStatus();
    }

    /** The {@code TTL} of a push of {@code notification} sent at {@code now}. */
    public static long ttl(CallNotification notification, Instant now) {
        if (notification.kind() == CallNotification.Kind.MISSED_CALL) {
            return MISSED_CALL_TTL_SECONDS;
        }
        return Math.max(0, Duration.between(now, notification.expires()).toSeconds());
    }

    /** The {@code Topic} of a call's pushes. */
    public static String topic(String call) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((TOPIC_CONTEXT + call).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, TOPIC_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * RFC 8292 §2 and §3: the token's {@code aud} is the push service's origin; its {@code exp} is on the wall clock,
     * which the push service compares it with. One token serves every push to the same origin for
     * {@link #VAPID_TOKEN_REUSE}.
     */
    private String authorization(URI endpoint, Instant now) {
        String origin = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        KeptToken kept = tokens.get(origin);
        if (kept != null && now.isBefore(kept.reuseUntil())) {
            return kept.header();
        }
        if (tokens.size() >= MAX_KEPT_TOKENS) {
            tokens.clear();
        }
        String header = sign(endpoint);
        tokens.put(origin, new KeptToken(header, now.plus(VAPID_TOKEN_REUSE)));
        return header;
    }

    private String sign(URI endpoint) {
        VAPIDJWTParam.Builder token = VAPIDJWTParam.getBuilder()
                .resourceURLString(endpoint.toString())
                .expiresAfter((int) VAPID_TOKEN_LIFETIME.toMinutes(), TimeUnit.MINUTES);
        subject.ifPresent(token::subject);
        return keys.pair().generateAuthorizationHeaderValue(token.build());
    }
}
