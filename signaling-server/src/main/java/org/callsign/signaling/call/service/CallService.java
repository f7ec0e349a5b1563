package org.callsign.signaling.call.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.callsign.server.store.StoreException;
import org.callsign.shim.IdentityException;
import org.callsign.shim.identity.DomainRule;
import org.callsign.signaling.call.store.CallRecord;
import org.callsign.signaling.call.store.CallState;
import org.callsign.signaling.call.store.CallStore;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.discovery.service.DiscoveredServer;
import org.callsign.signaling.discovery.service.Discovery;
import org.callsign.signaling.discovery.service.DiscoveryException;
import org.callsign.signaling.federation.message.CallEvent;
import org.callsign.signaling.federation.message.Invite;
import org.callsign.signaling.federation.service.LocalServer;
import org.callsign.signaling.signal.message.AcceptCall;
import org.callsign.signaling.signal.message.Ack;
import org.callsign.signaling.signal.message.CallCandidate;
import org.callsign.signaling.signal.message.CallPlaced;
import org.callsign.signaling.signal.message.CallUpdate;
import org.callsign.signaling.signal.message.ClientMessage;
import org.callsign.signaling.signal.message.DeclineCall;
import org.callsign.signaling.signal.message.HangUp;
import org.callsign.signaling.signal.message.PlaceCall;
import org.callsign.signaling.signal.message.RelayedCallCandidate;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.service.CallHandler;
import org.callsign.signaling.signal.service.ClientTakeover;
import org.callsign.signaling.signal.service.DeviceParty;
import org.callsign.signaling.signal.service.LineRecords;
import org.callsign.signaling.signal.service.SdpCheck;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingException;
import org.jboss.logging.Logger;

/**
 * Calls between people across signaling servers (docs/federation.md): the caller's side places a call, discovers the
 * callee's server and sends it the invite; the callee's side ({@link IncomingCalls}) checks and rings. Both sides keep
 * the call's state, its ring timeout and each client's history, and pass the devices' answers, candidates and hang-ups
 * to the other server in order.
 */
@Singleton
public class CallService implements CallHandler {

    private static final Logger LOG = Logger.getLogger(CallService.class);

    /** The reason of calls that were under way when a single server stopped. */
    static final String SERVER_RESTARTED = "server-restarted";

    /** The reason of calls that the dead home of their client had not recorded. */
    static final String NODE_LOST = "node-lost";

    /** The reason of calls whose device went offline for good (past its resume window, or removed). */
    static final String DEVICE_OFFLINE = "device-offline";

    private final ActiveCalls active;
    private final CallDevices devices;
    private final CallStore history;
    private final Discovery discovery;
    private final FederationLink federation;
    private final LocalServer server;
    private final SignalingConfig config;
    private final Clock clock;
    private final IncomingCalls incoming;
    private final ExecutorService outbound;
    private final ScheduledExecutorService timers;
    private volatile CallRouter router;

    public CallService(
            ActiveCalls active,
            CallDevices devices,
            CallStore history,
            Discovery discovery,
            FederationLink federation,
            LocalServer server,
            SignalingConfig config,
            Clock clock,
            IncomingCalls incoming,
            ClientTakeover takeover) {
        this.active = active;
        this.devices = devices;
        this.history = history;
        this.discovery = discovery;
        this.federation = federation;
        this.server = server;
        this.config = config;
        this.clock = clock;
        this.incoming = incoming;
        this.outbound = Executors.newFixedThreadPool(4, CallThreads.named("callsign-calls"));
        this.timers = Executors.newSingleThreadScheduledExecutor(CallThreads.named("callsign-call-timers"));
        incoming.start(this);
        takeover.restoreCallsWith(this::restore);
    }

    @PreDestroy
    void stop() {
        outbound.shutdownNow();
        timers.shutdownNow();
    }

    /** A device came online: it rings for the calls to its client that ring now. */
    @Override
    public void deviceOnline(String clientId, String deviceId) {
        incoming.deviceOnline(clientId, deviceId);
    }

    /**
     * A device went offline for good: the calls it placed end ({@code cancelled} before an answer, {@code ended} after;
     * the other server hears a cancel or a hang-up), and so do those it accepted ({@link IncomingCalls}). Its calls
     * that only ring on it go on ringing on the client's other devices.
     */
    @Override
    public void deviceOffline(String clientId, String deviceId) {
        for (ActiveCall call : active.ofDevice(clientId, deviceId)) {
            try {
                if (call.outgoing) {
                    endOutgoing(call, DEVICE_OFFLINE);
                } else {
                    incoming.deviceOffline(call, deviceId);
                }
            } catch (StoreException e) { // the other devices going offline with this one are still taken offline
                LOG.warnf("call %s of client %s: could not record its end: %s", call.id, clientId, e.getMessage());
            }
        }
    }

    /** Handles a device's call message; returns the answer to it. */
    @Override
    public ServerMessage receive(DeviceParty from, ClientMessage message) {
        if (!server.federationEnabled()) {
            throw new SignalingException(SignalError.FEDERATION_OFF, "calls need callsign.signaling.public-url");
        }
        if (!from.device().verified()) {
            throw new SignalingException(SignalError.NOT_VERIFIED, "this device is not verified yet");
        }
        if (message instanceof PlaceCall place) {
            return place(from, place);
        }
        if (message instanceof AcceptCall accept) {
            return incoming.accept(from, accept);
        }
        if (message instanceof DeclineCall decline) {
            return incoming.decline(from, decline);
        }
        if (message instanceof HangUp hangUp) {
            return hangUp(from, hangUp);
        }
        if (message instanceof CallCandidate candidate) {
            return candidate(from, candidate);
        }
        throw new IllegalArgumentException("not a call message: " + message.getClass());
    }

    private ServerMessage place(DeviceParty from, PlaceCall place) {
        String to;
        try {
            to = DomainRule.normalise(place.to());
        } catch (IdentityException e) {
            throw new SignalingException(SignalError.INVALID_MESSAGE, "to must be an identity user@domain");
        }
        SdpCheck.requireOwnFingerprint(from, place.sdp(), null);
        String id = CallIds.next();
        Instant now = clock.instant();
        CallRecord record = new CallRecord(
                id, CallRecord.OUTGOING, to, false, "", CallState.DIALING, null, now, now, null, null, null);
        ActiveCall call = new ActiveCall(id, true, "", from.clientId(), null, record);
        call.device = from.device().id();
        active.add(call);
        history.save(from.clientId(), record);
        call.timeout = timers.schedule(
                () -> giveUp(call),
                config.calls()
                        .ringTimeout()
                        .plus(config.federation().timeout().multipliedBy(2))
                        .toMillis(),
                TimeUnit.MILLISECONDS);
        call.then(outbound, () -> dial(call, new Invite(id, to, place.sdp())));
        return new CallPlaced(place.id(), id);
    }

    /** Discovers the callee's server and delivers the invite (on the outbound executor). */
    private void dial(ActiveCall call, Invite invite) {
        DiscoveredServer found;
        try {
            found = discovery.discover(invite.to());
        } catch (DiscoveryException e) {
            LOG.debugf("call %s: %s", call.id, e.getMessage());
            finish(call, CallState.FAILED, e.failure().code());
            return;
        }
        if (found.document().federation().isEmpty()) {
            finish(call, CallState.FAILED, "no-federation");
            return;
        }
        synchronized (call) {
            if (call.ended()) {
                return;
            }
            active.rekey(call, found.server());
            call.record = call.record.withPeerServer(found.server());
            active.record(call);
        }
        try {
            if (found.server().equals(server.requireOrigin())) {
                router.inviteOwn(invite);
            } else {
                federation.invite(found.server(), invite);
            }
        } catch (FederationSendException e) {
            LOG.infof("call %s: invite to %s failed: %s", call.id, found.server(), e.getMessage());
            finish(call, CallState.FAILED, e.reason());
            return;
        } catch (SignalingException e) {
            finish(call, CallState.FAILED, e.error().code());
            return;
        }
        move(call, CallState.RINGING, null, null);
    }

    private ServerMessage hangUp(DeviceParty from, HangUp hangUp) {
        Optional<ActiveCall> outgoing = active.outgoingOf(from, hangUp.call());
        if (outgoing.isPresent()) {
            endOutgoing(outgoing.get(), "hung-up");
            return new Ack(hangUp.id(), Ack.DELIVERED);
        }
        return incoming.hangUp(from, hangUp);
    }

    /**
     * Ends an outgoing call for its caller's side with {@code reason}: {@code ended} once answered, {@code cancelled}
     * before; the callee's server, once known, hears a hang-up or a cancel.
     */
    private void endOutgoing(ActiveCall call, String reason) {
        CallState ended =
                finish(call, now -> now == CallState.ACCEPTED ? CallState.ENDED : CallState.CANCELLED, reason);
        if (ended != null && !call.peerServer.isEmpty()) {
            send(call, CallEvent.of(ended == CallState.ENDED ? CallEvent.HANGUP : CallEvent.CANCEL));
        }
    }

    private ServerMessage candidate(DeviceParty from, CallCandidate candidate) {
        Optional<ActiveCall> outgoing = active.outgoingOf(from, candidate.call());
        if (outgoing.isPresent()) {
            ActiveCall call = outgoing.get();
            if (call.ended()) {
                throw new SignalingException(SignalError.CALL_STATE, "the call has ended");
            }
            send(call, new CallEvent(CallEvent.CANDIDATE, null, candidate.candidate()));
            return new Ack(candidate.id(), Ack.DELIVERED);
        }
        return incoming.candidate(from, candidate);
    }

    /**
     * An event of call {@code id} from the server at {@code sender}: from the callee's server for a call placed here,
     * or from the caller's server for a call to someone here.
     *
     * @return false if the sender has no such call with this server
     * @throws SignalingException {@code call-state} for an event that does not fit the call
     */
    public boolean onEvent(String sender, String id, CallEvent event) {
        if (CallEvent.FROM_CALLER.contains(event.type()) && incoming.onCallerEvent(sender, id, event)) {
            return true;
        }
        return CallEvent.FROM_CALLEE.contains(event.type()) && onCalleeEvent(sender, id, event);
    }

    /**
     * An event of a call between two clients of this server, to its outgoing side (from the callee's) if
     * {@code toOutgoing}, else to its incoming side.
     *
     * @return false if this server has no such side of such a call
     */
    boolean onOwnEvent(boolean toOutgoing, String id, CallEvent event) {
        String own = server.requireOrigin();
        return toOutgoing ? onCalleeEvent(own, id, event) : incoming.onCallerEvent(own, id, event);
    }

    /** Where this server's own calls' invites and events go: to the node holding the other side ({@link CallRouter}). */
    void routeOwnCallsWith(CallRouter router) {
        this.router = router;
    }

    private boolean onCalleeEvent(String sender, String id, CallEvent event) {
        Optional<ActiveCall> found = active.find(true, sender, id);
        if (found.isEmpty()) {
            return false;
        }
        ActiveCall call = found.get();
        switch (event.type()) {
            case CallEvent.ACCEPTED -> {
                if (!move(call, CallState.ACCEPTED, event.sdp(), null)) {
                    throw new SignalingException(SignalError.CALL_STATE, "the call is not ringing");
                }
            }
            case CallEvent.CANDIDATE -> {
                if (call.record.state() != CallState.ACCEPTED) {
                    throw new SignalingException(SignalError.CALL_STATE, "the call is not accepted");
                }
                devices.send(call.clientId, call.device, new RelayedCallCandidate(id, event.candidate()));
            }
            case CallEvent.DECLINED -> finish(call, CallState.DECLINED, null);
            case CallEvent.BUSY -> finish(call, CallState.BUSY, null);
            case CallEvent.HANGUP -> finish(call, CallState.ENDED, "hung-up");
            default -> finish(call, CallState.UNAVAILABLE, null);
        }
        return true;
    }

    /** Sends an event of {@code call} to the other server, after those before it. */
    void send(ActiveCall call, CallEvent event) {
        call.then(outbound, () -> {
            try {
                if (!call.peerServer.equals(server.requireOrigin())) {
                    federation.event(call.peerServer, call.id, event);
                } else {
                    router.eventOwn(!call.outgoing, call.id, event);
                }
            } catch (FederationSendException | SignalingException e) {
                LOG.infof("call %s: %s to %s failed: %s", call.id, event.type(), call.peerServer, e.getMessage());
                if (!call.outgoing && event.type().equals(CallEvent.ACCEPTED)) {
                    devices.send(
                            call.clientId, call.device, new CallUpdate(call.id, "failed", null, "server-unreachable"));
                }
            }
        });
    }

    /** Moves a live outgoing call to a non-terminal state and tells its device; false if it was not live. */
    private boolean move(ActiveCall call, CallState next, String sdp, String reason) {
        synchronized (call) {
            if (call.ended() || call.record.state() == next || call.record.state() == CallState.ACCEPTED) {
                return false;
            }
            call.record = call.record.moved(next, reason, clock.instant());
            history.save(call.clientId, call.record);
            active.record(call);
        }
        devices.send(call.clientId, call.device, new CallUpdate(call.id, next.value(), sdp, reason));
        return true;
    }

    /** Ends an outgoing call: records it, tells the caller's device, forgets it; false if it had ended already. */
    private boolean finish(ActiveCall call, CallState state, String reason) {
        return finish(call, now -> state, reason) != null;
    }

    /**
     * Ends an outgoing call in the state that {@code end} picks from its current one, under the call's lock, so that
     * an event changing the state meanwhile (an answer) cannot slip between the choice and the end; {@code end} may
     * return {@code null} to leave the call as it is. Returns the state it ended in, or {@code null} if it did not end
     * here.
     */
    private CallState finish(ActiveCall call, UnaryOperator<CallState> end, String reason) {
        CallState state;
        synchronized (call) {
            if (call.ended()) {
                return null;
            }
            state = end.apply(call.record.state());
            if (state == null) {
                return null;
            }
            call.record = call.record.moved(state, reason, clock.instant());
            history.save(call.clientId, call.record);
            if (call.timeout != null) {
                call.timeout.cancel(false);
            }
        }
        active.remove(call);
        devices.send(call.clientId, call.device, new CallUpdate(call.id, state.value(), null, reason));
        return state;
    }

    /** Schedules {@code task} after {@code delay}. */
    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return timers.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on the outbound executor. */
    void runAsync(Runnable task) {
        outbound.execute(task);
    }

    /**
     * Carries on the calls of a client this node took over from a dead one ({@link ClientTakeover}): each goes on from
     * where it was recorded, its ring timeout where it was. Requests to the other server that the dead node had not
     * sent yet are lost with it.
     */
    void restore(String clientId, Map<String, LineRecords.RecordedCall> recorded) {
        Instant now = clock.instant();
        List<ActiveCall> restored = active.restore(clientId, recorded);
        int lost = history.endUnfinished(clientId, active::has, NODE_LOST, now);
        if (lost > 0) {
            LOG.infof(
                    "%d calls of client %s that its former home had not recorded ended (%s)",
                    lost, clientId, NODE_LOST);
        }
        for (ActiveCall call : restored) {
            LOG.infof(
                    "call %s of client %s carried on here, %s",
                    call.id, clientId, call.record.state().value());
            if (!call.outgoing) {
                incoming.restored(call, now);
            } else if (call.record.state() == CallState.DIALING || call.record.state() == CallState.RINGING) {
                Instant deadline = call.record
                        .created()
                        .plus(config.calls().ringTimeout())
                        .plus(config.federation().timeout().multipliedBy(2));
                call.timeout = schedule(() -> giveUp(call), until(now, deadline));
            }
        }
    }

    /**
     * On a single server, ends the calls in the history that were under way when the process last stopped (reason
     * {@value #SERVER_RESTARTED}): nothing carries them on. Reads only the histories of the clients that have such
     * calls ({@link CallStore#unfinishedClients}), so a start costs what is left unfinished, not the whole history. On a cluster, a client's next home does that for the
     * calls of a dead node ({@link #restore}, reason {@value #NODE_LOST}).
     */
    void endCallsOfThePreviousRun(@Observes StartupEvent event) {
        if (active.clustered()) {
            return;
        }
        Instant now = clock.instant();
        int ended = 0;
        try {
            for (String client : history.unfinishedClients()) {
                ended += history.endUnfinished(client, active::has, SERVER_RESTARTED, now);
            }
        } catch (StoreException e) {
            LOG.warnf("could not end the calls of the previous run: %s", e.getMessage());
        }
        if (ended > 0) {
            LOG.infof("%d calls under way when the server last stopped ended (%s)", ended, SERVER_RESTARTED);
        }
    }

    /** The time from {@code now} until {@code then}; none if it has passed. */
    static Duration until(Instant now, Instant then) {
        return now.isBefore(then) ? Duration.between(now, then) : Duration.ZERO;
    }

    private void giveUp(ActiveCall call) {
        if (finish(call, now -> now == CallState.ACCEPTED ? null : CallState.UNAVAILABLE, "timeout") != null) {
            if (!call.peerServer.isEmpty()) {
                send(call, CallEvent.of(CallEvent.CANCEL));
            }
        }
    }
}
