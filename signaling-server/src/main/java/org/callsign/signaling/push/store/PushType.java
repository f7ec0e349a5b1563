package org.callsign.signaling.push.store;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a subscription's pushes go. Both take the same request: an RFC 8030 push message with an RFC 8291
 * {@code aes128gcm} payload and RFC 8292 VAPID authentication.
 */
public enum PushType {
    /** A browser's push service (W3C Push API {@code PushSubscription}). */
    WEBPUSH("webpush"),
    /** A UnifiedPush distributor on a phone, which takes the Web Push request. */
    UNIFIEDPUSH("unifiedpush");

    private final String value;

    PushType(String value) {
        this.value = value;
    }

    /** The wire value. */
    @JsonValue
    public String value() {
        return value;
    }

    /** The type of a wire value, if it is one. */
    public static Optional<PushType> of(String value) {
        return Arrays.stream(values()).filter(type -> type.value.equals(value)).findFirst();
    }

    @JsonCreator
    static PushType fromJson(String value) {
        return of(value).orElseThrow(() -> new IllegalArgumentException("unknown push type"));
    }
}
