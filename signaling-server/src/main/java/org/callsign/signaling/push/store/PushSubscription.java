package org.callsign.signaling.push.store;

import java.time.Instant;

/**
 * A device's push subscription: where to send its pushes and the keys that encrypt them (RFC 8291 §2: the user
 * agent's P-256 public key and authentication secret).
 *
 * @param id random, unique among the device's subscriptions
 * @param clientId the device's client
 * @param deviceId the device
 * @param type the kind of push service
 * @param endpoint the push resource (RFC 8030 §5), an https URI
 * @param p256dh the user agent's public key, base64url of the uncompressed P-256 point
 * @param auth the authentication secret, base64url of 16 bytes
 * @param created when the device first registered the endpoint
 * @param expires when it ends unless registered again
 */
public record PushSubscription(
        String id,
        String clientId,
        String deviceId,
        PushType type,
        String endpoint,
        String p256dh,
        String auth,
        Instant created,
        Instant expires) {

    /** Whether pushes may go to it at {@code now}. */
    public boolean live(Instant now) {
        return now.isBefore(expires);
    }

    /** Where the endpoint's host is, for logs: the push service's origin, never the path (which names the device). */
    public String service() {
        int slash = endpoint.indexOf('/', endpoint.indexOf("//") + 2);
        return slash < 0 ? endpoint : endpoint.substring(0, slash);
    }
}
