package org.callsign.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityAsserter;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.wellknown.testing.WebPushTesting;

/**
 * What a device does in a call, as the testbed's tests and the demo write it: messages, asserted offers, its own
 * verification.
 */
public final class CallSteps {

    private CallSteps() {}

    /** A device message of {@code type}, protocol version 1, with a fresh id. */
    public static ObjectNode message(String type) {
        return ApiClient.JSON.createObjectNode().put("type", type).put("v", 1).put("id", TwoDomains.random(9));
    }

    /** A {@code call-candidate} message of {@code call} carrying {@code candidate} (an {@code a=candidate} value). */
    public static ObjectNode candidate(String call, String candidate) {
        ObjectNode message = message("call-candidate").put("call", call);
        message.putObject("candidate")
                .put("candidate", candidate)
                .put("sdpMid", "0")
                .put("sdpMLineIndex", 0);
        return message;
    }

    /** {@code user}'s device SDP with their {@code a=identity}, asserted by their IdP for {@code origin}. */
    public static String asserted(TwoDomains bed, User user, String origin) {
        return asserted(bed, user, user.sdp(), origin);
    }

    /** {@code sdp} (of {@code user}'s device) with their {@code a=identity}, asserted by their IdP for {@code origin}. */
    public static String asserted(TwoDomains bed, User user, SessionDescription sdp, String origin) {
        try {
            return new IdentityAsserter(bed.sandboxFor(user))
                    .assertIdentity(
                            sdp,
                            IdpProxyAddress.of(user.domain().idpHost(), IdpProxyAddress.DEFAULT_PROTOCOL),
                            origin,
                            new GenerateOptions(IdpProxyAddress.DEFAULT_PROTOCOL, null, null))
                    .toString();
        } catch (IdentityException e) {
            throw new IllegalStateException("cannot assert " + user.identity() + " for " + origin, e);
        }
    }

    /** The identity in {@code sdp}, verified by the device itself for {@code origin}. */
    public static VerifiedIdentity verify(TwoDomains bed, String sdp, String origin)
            throws IdentityException, SdpException {
        Optional<VerifiedIdentity> verified =
                new IdentityVerifier(bed.sandbox(), DomainRule.STRICT).verify(SessionDescription.parse(sdp), origin);
        return verified.orElseThrow(() -> new IllegalStateException("the SDP carries no a=identity"));
    }

    /** The id of the newest call in {@code user}'s history. */
    public static String lastCall(TwoDomains bed, User user) {
        return bed.signaling(user.domain())
                .get("/api/calls?limit=1", user.signalingAuthorization())
                .expect(200)
                .json()
                .path("calls")
                .path(0)
                .path("call")
                .asText();
    }

    /** The incoming call {@code call} in {@code callee}'s history once their server has decided on it. */
    public static JsonNode awaitIncoming(TwoDomains bed, User callee, String call, Duration timeout) {
        ApiClient server = bed.signaling(callee.domain());
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            for (JsonNode record : server.get("/api/calls?limit=100", callee.signalingAuthorization())
                    .expect(200)
                    .json()
                    .path("calls")) {
                if (record.path("call").asText().equals(call)
                        && record.path("direction").asText().equals("incoming")) {
                    last = record;
                    if (record.has("filter") && !record.path("filter").isNull()
                            || !record.path("state").asText().equals("ringing")) {
                        return record;
                    }
                }
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("call " + call + " not decided at "
                + callee.domain().signalingHost() + " within " + timeout + "; last seen " + last);
    }

    /** The next {@code call-update} in {@code state}, skipping earlier states such as {@code ringing}. */
    public static JsonNode awaitUpdate(DeviceSocket device, String state) {
        while (true) {
            JsonNode update = device.next("call-update");
            if (state.equals(update.path("state").asText())) {
                return update;
            }
        }
    }

    /**
     * Subscribes at {@code service} with the VAPID key that {@code user}'s server publishes, as a browser would, and
     * registers the subscription for the user's device ({@code POST /api/devices/<id>/push-subscriptions}).
     */
    public static WebPushTesting.Subscription subscribe(TwoDomains bed, WebPushTesting service, User user)
            throws IOException, InterruptedException {
        String key = bed.signaling(user.domain())
                .get("/.well-known/callsign", null)
                .expect(200)
                .json()
                .path("push")
                .path("vapidPublicKey")
                .asText();
        WebPushTesting.Subscription subscription = service.subscribe(key);
        bed.signaling(user.domain())
                .post(
                        "/api/devices/" + user.deviceId() + "/push-subscriptions",
                        user.signalingAuthorization(),
                        Map.of(
                                "type",
                                "webpush",
                                "endpoint",
                                subscription.endpoint(),
                                "keys",
                                Map.of("p256dh", subscription.p256dh(), "auth", subscription.auth())))
                .expect(201);
        return subscription;
    }

    /** The decrypted pushes of {@code subscription} once there are at least {@code count}, waiting {@link DeviceSocket#WAIT}. */
    public static List<String> awaitPushes(WebPushTesting service, WebPushTesting.Subscription subscription, int count)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DeviceSocket.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<String> pushes = service.notifications(subscription.clientHash());
            if (pushes.size() >= count) {
                return pushes;
            }
            sleep(Duration.ofMillis(100));
        }
        throw new IllegalStateException("fewer than " + count + " pushes within " + DeviceSocket.WAIT);
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
