package org.callsign.signaling.call.service;

import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.IdentityVerifier;
import org.callsign.shim.identity.VerifiedIdentity;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.signaling.call.store.CallRecord;
import org.callsign.signaling.call.store.CallState;
import org.callsign.signaling.call.store.CallStore;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.federation.message.CallEvent;
import org.callsign.signaling.federation.message.Invite;
import org.callsign.signaling.federation.service.LocalServer;
import org.callsign.signaling.filter.service.Decision;
import org.callsign.signaling.filter.service.FilterResult;
import org.callsign.signaling.identity.service.IdentityService;
import org.callsign.signaling.identity.store.BoundIdentity;
import org.callsign.signaling.signal.message.AcceptCall;
import org.callsign.signaling.signal.message.Ack;
import org.callsign.signaling.signal.message.CallCandidate;
import org.callsign.signaling.signal.message.CallUpdate;
import org.callsign.signaling.signal.message.DeclineCall;
import org.callsign.signaling.signal.message.HangUp;
import org.callsign.signaling.signal.message.IceCandidate;
import org.callsign.signaling.signal.message.IncomingCall;
import org.callsign.signaling.signal.message.RelayedCallCandidate;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.DeviceParty;
import org.callsign.signaling.signal.service.SdpCheck;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;
import org.jboss.logging.Logger;

/**
 * The callee's side of calls (docs/federation.md): every authentic invite is taken alike; the caller's
 * {@code a=identity} is verified for this server's origin or the sender's, the filter decides, the callee's online devices ring. The
 * caller's server learns nothing before a device accepts: a call that does not ring, is declined without "reveal" or
 * is not answered ends with {@code unavailable} when the ring timeout ends.
 */
@Singleton
public class IncomingCalls {

    private static final Logger LOG = Logger.getLogger(IncomingCalls.class);

    private final ActiveCalls active;
    private final CallDevices devices;
    private final CallStore history;
    private final IdentityService identities;
    private final IdentityVerifier verifier;
    private final CallFilter filter;
    private final CallPushes pushes;
    private final LocalServer server;
    private final SignalingConfig config;
    private final Clock clock;
    private CallService calls;

    public IncomingCalls(
            ActiveCalls active,
            CallDevices devices,
            CallStore history,
            IdentityService identities,
            IdentityVerifier verifier,
            CallFilter filter,
            CallPushes pushes,
            LocalServer server,
            SignalingConfig config,
            Clock clock) {
        this.active = active;
        this.devices = devices;
        this.history = history;
        this.identities = identities;
        this.verifier = verifier;
        this.filter = filter;
        this.pushes = pushes;
        this.server = server;
        this.config = config;
        this.clock = clock;
    }

    void start(CallService service) {
        this.calls = service;
    }

    /**
     * Takes an invite from the server at {@code sender}; the checks and the ringing follow in the background.
     *
     * @throws SignalingException {@code call-exists} for an id the sender has in use, {@code too-many-calls}
     */
    public void invite(String sender, Invite invite) {
        invite(sender, invite, null);
    }

    /**
     * Takes an invite from the server at {@code sender}, which sent it from {@code address} (for the filter's network
     * rules; {@code null} when the caller is on this server).
     *
     * @throws SignalingException {@code call-exists} for an id the sender has in use, {@code too-many-calls}
     */
    public void invite(String sender, Invite invite, InetAddress address) {
        Optional<BoundIdentity> callee = identities.lookup(invite.to());
        Instant now = clock.instant();
        CallRecord record = new CallRecord(
                invite.call(),
                CallRecord.INCOMING,
                null,
                false,
                sender,
                CallState.RINGING,
                null,
                now,
                now,
                null,
                null,
                null);
        ActiveCall call = new ActiveCall(
                invite.call(),
                false,
                sender,
                callee.map(BoundIdentity::clientId).orElse(null),
                invite.sdp(),
                record);
        call.expires = now.plus(config.calls().ringTimeout());
        call.address = address;
        call.to = invite.to();
        active.add(call);
        call.timeout = calls.schedule(() -> ringOut(call), config.calls().ringTimeout());
        if (callee.isPresent()) {
            calls.runAsync(() -> check(call, callee.get()));
        } else {
            LOG.debugf("call %s from %s: nobody here is %s", call.id, sender, invite.to());
        }
    }

    /** Verifies the caller, asks the filter, records its decision, and rings if it says so (on the calls' executor). */
    private void check(ActiveCall call, BoundIdentity callee) {
        CallerCheck caller = verify(call.offer, call.peerServer);
        String from = caller.verified().map(VerifiedIdentity::name).orElse(null);
        FilterResult result = filter.decide(caller, callee, call.peerServer, call.address);
        Decision decision = result.decision();
        List<String> rung;
        synchronized (call) {
            if (call.ended()) {
                return;
            }
            Instant now = clock.instant();
            call.record = call.record.filtered(
                    from, from != null, new CallRecord.Filtered(decision.value(), result.because()), now);
            if (decision == Decision.REFUSE_UNAVAILABLE || decision == Decision.REFUSE_BUSY) {
                call.record = refused(call.record, caller, result, now);
                history.save(call.clientId, call.record);
                active.record(call);
                LOG.infof("call %s from %s refused: %s", call.id, call.peerServer, result.because());
                return;
            }
            history.save(call.clientId, call.record);
            if (decision == Decision.RING_SILENTLY) {
                active.record(call);
                return;
            }
            call.rings = true;
            rung = devices.ringable(call.clientId);
            call.rung.addAll(rung);
            active.record(call);
        }
        for (String device : rung) {
            devices.send(call.clientId, device, incomingCall(call));
        }
        if (pushes.ringing(call, callee, rung)) {
            active.record(call);
        }
    }

    /**
     * A call taken over from a dead node ({@link CallService#restore}): it rings out when it would have, and is checked
     * if the dead node had not finished checking it.
     */
    void restored(ActiveCall call, Instant now) {
        synchronized (call) {
            if (!call.settled) {
                call.timeout = calls.schedule(() -> ringOut(call), CallService.until(now, call.expires));
            }
        }
        if (call.clientId != null && call.record.filter() == null && call.record.state() == CallState.RINGING) {
            Optional<BoundIdentity> callee = identities.lookup(call.to);
            if (callee.isPresent()) {
                calls.runAsync(() -> check(call, callee.get()));
            }
        }
    }

    /**
     * The record of a refused call: {@code busy} for the busy status, else failed with {@code refused:} and the
     * identity failure ({@code refused:fingerprint-not-covered}), {@code blocked} or {@code rate-limited}.
     */
    private static CallRecord refused(CallRecord record, CallerCheck caller, FilterResult result, Instant now) {
        if (result.decision() == Decision.REFUSE_BUSY) {
            return record.moved(CallState.BUSY, "refused:busy", now);
        }
        String code =
                switch (result.basis()) {
                    case RATE_LIMIT -> "rate-limited";
                    case BLOCK_RULE -> "blocked";
                    default -> caller.failure();
                };
        return record.moved(CallState.FAILED, "refused:" + code, now);
    }

    /** A device of the callee came online: it rings for every call that rings now (after a push, say). */
    void deviceOnline(String clientId, String deviceId) {
        for (ActiveCall call : active.incomingTo(clientId)) {
            synchronized (call) {
                if (!call.rings || call.record.state() != CallState.RINGING || !call.rung.add(deviceId)) {
                    continue;
                }
                active.record(call);
            }
            devices.send(clientId, deviceId, incomingCall(call));
        }
    }

    private static IncomingCall incomingCall(ActiveCall call) {
        String from = call.record.peer();
        return new IncomingCall(call.id, from, from != null, call.peerServer, call.offer, call.expires);
    }

    /**
     * The caller's identity, from an assertion made for this server or for {@code sender}, the server that sent the
     * invite, whose origin the federation request's signature authenticated: a browser with native identity (Firefox)
     * asserts for its page's origin, which is the caller's own server (docs/federation.md, "Which origin an assertion
     * is for").
     */
    private CallerCheck verify(String offer, String sender) {
        String own = server.requireOrigin();
        List<String> audiences = sender == null || sender.equals(own) ? List.of(own) : List.of(own, sender);
        try {
            Optional<VerifiedIdentity> verified = verifier.verify(SessionDescription.parse(offer), audiences);
            return new CallerCheck(verified, verified.isPresent() ? null : CallerCheck.IDENTITY_MISSING);
        } catch (IdentityException e) {
            return new CallerCheck(Optional.empty(), e.error().code());
        }
    }

    ServerMessage accept(DeviceParty from, AcceptCall accept) {
        ActiveCall call = rungOn(from, accept.call());
        SdpCheck.requireOwnFingerprint(from, accept.sdp(), null);
        List<String> others;
        List<IceCandidate> held;
        synchronized (call) {
            requireRinging(call);
            call.record = call.record.moved(CallState.ACCEPTED, null, clock.instant());
            call.device = from.device().id();
            call.settled = true;
            stopTimer(call);
            history.save(call.clientId, call.record);
            others = othersThan(call, call.device);
            held = new ArrayList<>(call.held);
            call.held.clear();
            active.record(call);
        }
        calls.send(call, new CallEvent(CallEvent.ACCEPTED, accept.sdp(), null));
        for (String device : others) {
            devices.send(call.clientId, device, new CallUpdate(call.id, "answered-elsewhere", null, null));
        }
        for (IceCandidate candidate : held) {
            devices.send(call.clientId, call.device, new RelayedCallCandidate(call.id, candidate));
        }
        return new Ack(accept.id(), Ack.DELIVERED);
    }

    ServerMessage decline(DeviceParty from, DeclineCall decline) {
        ActiveCall call = rungOn(from, decline.call());
        boolean busy = "busy".equals(decline.reason());
        boolean reveal = Boolean.TRUE.equals(decline.reveal());
        List<String> others;
        synchronized (call) {
            requireRinging(call);
            CallState state = busy ? CallState.BUSY : CallState.DECLINED;
            call.record = call.record.moved(state, null, clock.instant());
            history.save(call.clientId, call.record);
            others = othersThan(call, from.device().id());
            if (reveal) {
                call.settled = true;
                stopTimer(call);
            } else {
                active.record(call);
            }
        }
        if (reveal) {
            active.remove(call);
            calls.send(call, CallEvent.of(busy ? CallEvent.BUSY : CallEvent.DECLINED));
        }
        for (String device : others) {
            devices.send(call.clientId, device, new CallUpdate(call.id, busy ? "busy" : "declined", null, null));
        }
        return new Ack(decline.id(), Ack.DELIVERED);
    }

    ServerMessage hangUp(DeviceParty from, HangUp hangUp) {
        ActiveCall call = active.incomingOf(from.clientId(), hangUp.call())
                .orElseThrow(() -> new SignalingException(SignalError.UNKNOWN_CALL, "no such call"));
        synchronized (call) {
            if (call.record.state() == CallState.RINGING) {
                return decline(from, new DeclineCall(hangUp.v(), hangUp.id(), hangUp.call(), null, false));
            }
        }
        if (!endAccepted(call, from.device().id(), "hung-up")) {
            throw new SignalingException(SignalError.CALL_STATE, "this device is not in the call");
        }
        return new Ack(hangUp.id(), Ack.DELIVERED);
    }

    /** The device that accepted {@code call} went offline for good: the call ends, as if it had hung up. */
    void deviceOffline(ActiveCall call, String deviceId) {
        endAccepted(call, deviceId, CallService.DEVICE_OFFLINE);
    }

    /**
     * Ends a call that {@code deviceId} accepted, with {@code reason} in the history; the caller's server hears a
     * hang-up. False if the call is not accepted, or by another device.
     */
    private boolean endAccepted(ActiveCall call, String deviceId, String reason) {
        synchronized (call) {
            if (call.record.state() != CallState.ACCEPTED || !deviceId.equals(call.device)) {
                return false;
            }
            call.record = call.record.moved(CallState.ENDED, reason, clock.instant());
            history.save(call.clientId, call.record);
        }
        active.remove(call);
        calls.send(call, CallEvent.of(CallEvent.HANGUP));
        return true;
    }

    ServerMessage candidate(DeviceParty from, CallCandidate candidate) {
        ActiveCall call = active.incomingOf(from.clientId(), candidate.call())
                .orElseThrow(() -> new SignalingException(SignalError.UNKNOWN_CALL, "no such call"));
        synchronized (call) {
            if (call.record.state() != CallState.ACCEPTED || !from.device().id().equals(call.device)) {
                throw new SignalingException(
                        SignalError.CALL_STATE, "candidates flow only from the device that accepted the call");
            }
        }
        calls.send(call, new CallEvent(CallEvent.CANDIDATE, null, candidate.candidate()));
        return new Ack(candidate.id(), Ack.DELIVERED);
    }

    /**
     * An event from the caller's server.
     *
     * @return false if there is no such call from that server
     * @throws SignalingException {@code call-state} for an event that does not fit, {@code too-many-calls} when the
     *     held candidates are full
     */
    boolean onCallerEvent(String sender, String id, CallEvent event) {
        Optional<ActiveCall> found = active.find(false, sender, id);
        if (found.isEmpty()) {
            return false;
        }
        ActiveCall call = found.get();
        switch (event.type()) {
            case CallEvent.CANDIDATE -> candidateFromCaller(call, event.candidate());
            case CallEvent.CANCEL -> cancel(call);
            case CallEvent.HANGUP -> hungUpByCaller(call);
            default ->
                throw new SignalingException(SignalError.CALL_STATE, "the caller's server cannot send " + event.type());
        }
        return true;
    }

    private void candidateFromCaller(ActiveCall call, IceCandidate candidate) {
        synchronized (call) {
            if (call.record.state() == CallState.ACCEPTED) {
                devices.send(call.clientId, call.device, new RelayedCallCandidate(call.id, candidate));
                return;
            }
            if (call.record.state().terminal()) {
                return;
            }
            if (call.held.size() >= config.calls().maxHeldCandidates()) {
                throw new SignalingException(SignalError.TOO_MANY_CALLS, "too many candidates held for this call");
            }
            active.hold(call, candidate); // a failure answers the caller's server 503
        }
    }

    private void cancel(ActiveCall call) {
        List<String> rung;
        synchronized (call) {
            if (call.record.state() == CallState.ACCEPTED) {
                throw new SignalingException(SignalError.CALL_STATE, "the call was accepted: hang up instead");
            }
            call.settled = true;
            stopTimer(call);
            rung = new ArrayList<>();
            if (call.record.state() == CallState.RINGING) {
                call.record = call.record.moved(CallState.CANCELLED, null, clock.instant());
                if (call.clientId != null) {
                    history.save(call.clientId, call.record);
                }
                rung.addAll(call.rung);
            }
        }
        active.remove(call);
        for (String device : rung) {
            devices.send(call.clientId, device, new CallUpdate(call.id, "cancelled", null, null));
        }
        pushes.missed(call);
    }

    private void hungUpByCaller(ActiveCall call) {
        synchronized (call) {
            if (call.record.state() != CallState.ACCEPTED) {
                throw new SignalingException(SignalError.CALL_STATE, "the call is not accepted: cancel instead");
            }
            call.record = call.record.moved(CallState.ENDED, "hung-up", clock.instant());
            history.save(call.clientId, call.record);
        }
        active.remove(call);
        devices.send(call.clientId, call.device, new CallUpdate(call.id, "ended", null, "hung-up"));
    }

    /** The ring timeout ended: an unanswered call is missed, and the caller's server learns "unavailable". */
    private void ringOut(ActiveCall call) {
        List<String> rung = List.of();
        boolean missed = false;
        synchronized (call) {
            if (call.settled) {
                return;
            }
            call.settled = true;
            if (call.record.state() == CallState.RINGING) {
                missed = true;
                call.record = call.record.moved(CallState.MISSED, null, clock.instant());
                if (call.clientId != null) {
                    history.save(call.clientId, call.record);
                }
                rung = new ArrayList<>(call.rung);
            }
        }
        active.remove(call);
        calls.send(call, CallEvent.of(CallEvent.UNAVAILABLE));
        for (String device : rung) {
            devices.send(call.clientId, device, new CallUpdate(call.id, "missed", null, null));
        }
        if (missed) {
            pushes.missed(call);
        }
    }

    private ActiveCall rungOn(DeviceParty from, String id) {
        ActiveCall call = active.incomingOf(from.clientId(), id)
                .orElseThrow(() -> new SignalingException(SignalError.UNKNOWN_CALL, "no such call"));
        synchronized (call) {
            if (!call.rung.contains(from.device().id())) {
                throw new SignalingException(SignalError.UNKNOWN_CALL, "this device was not rung for the call");
            }
        }
        return call;
    }

    private static void stopTimer(ActiveCall call) {
        if (call.timeout != null) { // a call carried on from a dead node may not have it yet
            call.timeout.cancel(false);
        }
    }

    private static void requireRinging(ActiveCall call) {
        if (call.record.state() != CallState.RINGING) {
            throw new SignalingException(
                    SignalError.CALL_STATE, "the call is " + call.record.state().value() + ", not ringing");
        }
    }

    private static List<String> othersThan(ActiveCall call, String device) {
        return call.rung.stream().filter(d -> !d.equals(device)).toList();
    }
}
