package org.callsign.benchmarks.calls;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.callsign.shim.identity.VerifiedIdentity;

/**
 * Places calls from the caller's device to the callee and times them ({@link CallTiming}). Per call, as a device
 * does: look the callee's server up on its own server ({@code GET /api/lookup}) unless this device has done so
 * before (a device keeps the answer; the server allows 60 lookups a minute per client), assert the offer for that server,
 * send {@code call} ({@code t0}), wait for {@code call-update accepted}, verify the answer's {@code a=identity} for its
 * own server's origin ({@code t1}). Then it hangs up and waits until both devices have seen the call end, so that
 * calls do not overlap.
 */
final class Caller {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Device device;
    private final Inbox inbox;
    private final Api ownServer;
    private final AutoAnswer callee;
    private final String calleeIdentity;
    private String calleeServer;

    Caller(Device device, Inbox inbox, Api ownServer, AutoAnswer callee, String calleeIdentity) {
        this.device = device;
        this.inbox = inbox;
        this.ownServer = ownServer;
        this.callee = callee;
        this.calleeIdentity = calleeIdentity;
    }

    /** One call, timed; fails on anything but an accepted call with both identities verified. */
    CallTiming call() throws Exception {
        inbox.clear();
        Person person = device.person();
        long start = System.nanoTime();
        boolean known = calleeServer != null;
        if (!known) {
            JsonNode lookup = ownServer.get(
                    "/api/lookup?identity=" + URLEncoder.encode(calleeIdentity, StandardCharsets.UTF_8),
                    Api.bearer(person.signalingToken()),
                    200);
            calleeServer = lookup.path("server").asText();
        }
        long looked = System.nanoTime();
        String server = calleeServer;
        String offer = device.asserted(server);
        long asserted = System.nanoTime();

        long sent = System.nanoTime();
        device.send(Device.message("call").put("to", calleeIdentity).put("sdp", offer));
        String call = inbox.next(r -> r.type().equals("call-placed"), WAIT, "call-placed")
                .message()
                .path("call")
                .asText();
        long ringing = 0;
        Inbox.Received accepted;
        while (true) {
            Inbox.Received update = inbox.next(
                    r -> r.type().equals("call-update")
                            && call.equals(r.message().path("call").asText()),
                    WAIT,
                    "call-update");
            String state = update.message().path("state").asText();
            if (state.equals("accepted")) {
                accepted = update;
                break;
            }
            if (!state.equals("ringing")) {
                throw new IllegalStateException("the call ended unanswered: " + update.message());
            }
            ringing = update.nanos();
        }
        VerifiedIdentity answerer = device.verify(
                accepted.message().path("sdp").asText(), person.domain().signalingOrigin());
        long verified = System.nanoTime();
        if (!answerer.name().equals(calleeIdentity)) {
            throw new IllegalStateException("the answer verified as " + answerer.name());
        }
        AutoAnswer.Answered answered = callee.answered(call).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        device.send(Device.message("hangup").put("call", call));
        inbox.next(
                r -> r.type().equals("call-update")
                        && call.equals(r.message().path("call").asText())
                        && r.message().path("state").asText().equals("ended"),
                WAIT,
                "call-update ended");
        callee.ended(call).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return new CallTiming(
                known ? 0 : looked - start,
                asserted - looked,
                sent,
                ringing,
                answered.incoming(),
                answered.verified(),
                answered.accepted(),
                accepted.nanos(),
                verified);
    }
}
