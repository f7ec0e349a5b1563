package org.callsign.testbed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.shim.identity.IdentityAsserter;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sdp.SdpException;
import org.callsign.shim.sdp.SessionDescription;

/** What a device does in a call, as the testbed's tests write it: messages, asserted offers, its own verification. */
final class CallSteps {

    private CallSteps() {}

    /** A device message of {@code type}, protocol version 1, with a fresh id. */
    static ObjectNode message(String type) {
        return ApiClient.JSON.createObjectNode().put("type", type).put("v", 1).put("id", TwoDomains.random(9));
    }

    /** {@code user}'s device SDP with their {@code a=identity}, asserted by their IdP for {@code origin}. */
    static String asserted(TwoDomains bed, User user, String origin) {
        try (IdpSandbox own = bed.sandboxFor(user)) {
            return new IdentityAsserter(own)
                    .assertIdentity(
                            user.sdp(),
                            IdpProxyAddress.of(user.domain().idpHost(), IdpProxyAddress.DEFAULT_PROTOCOL),
                            origin,
                            new GenerateOptions(IdpProxyAddress.DEFAULT_PROTOCOL, null, null))
                    .toString();
        } catch (IdentityException e) {
            throw new IllegalStateException("cannot assert " + user.identity() + " for " + origin, e);
        }
    }

    /** The identity in {@code sdp}, verified by the device itself for {@code origin}. */
    static VerifiedIdentity verify(TwoDomains bed, String sdp, String origin) throws IdentityException, SdpException {
        Optional<VerifiedIdentity> verified =
                new IdentityVerifier(bed.sandbox(), DomainRule.STRICT).verify(SessionDescription.parse(sdp), origin);
        assertTrue(verified.isPresent(), "the SDP carries an identity");
        return verified.get();
    }

    /** The incoming call {@code call} in {@code callee}'s history once their server has decided on it. */
    static JsonNode awaitIncoming(TwoDomains bed, User callee, String call, Duration timeout) {
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
        throw new AssertionError("call " + call + " not decided at "
                + callee.domain().signalingHost() + " within " + timeout + "; last seen " + last);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
