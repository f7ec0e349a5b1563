package org.callsign.signaling.signal.service;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callsign.signaling.client.service.CredentialsRevoked;
import org.callsign.signaling.config.SignalingConfig;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.message.AcceptCall;
import org.callsign.signaling.signal.message.Ack;
import org.callsign.signaling.signal.message.Answer;
import org.callsign.signaling.signal.message.Bye;
import org.callsign.signaling.signal.message.CallCandidate;
import org.callsign.signaling.signal.message.Candidate;
import org.callsign.signaling.signal.message.ClientMessage;
import org.callsign.signaling.signal.message.DeclineCall;
import org.callsign.signaling.signal.message.HangUp;
import org.callsign.signaling.signal.message.Offer;
import org.callsign.signaling.signal.message.Ping;
import org.callsign.signaling.signal.message.PlaceCall;
import org.callsign.signaling.signal.message.Pong;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.message.Welcome;
import org.jboss.logging.Logger;

/**
 * What a device's signaling connection can do, independent of the transport: connect (afresh or resuming), send
 * messages, drop; and what the server does when devices go offline or change, and when credentials are revoked. The
 * WebSocket endpoint is a thin layer over this.
 */
@Singleton
public class SignalingService {
    private static final Logger LOG = Logger.getLogger(SignalingService.class);

    private final OnlineDevices online;
    private final Relay relay;
    private final PresenceService presence;
    private final DeviceService devices;
    private final SignalingConfig config;
    private final CallHandler calls;
    private final ClientTakeover takeover;

    public SignalingService(
            OnlineDevices online,
            Relay relay,
            PresenceService presence,
            DeviceService devices,
            SignalingConfig config,
            CallHandler calls,
            ClientTakeover takeover) {
        this.calls = calls;
        this.takeover = takeover;
        this.online = online;
        this.relay = relay;
        this.presence = presence;
        this.devices = devices;
        this.config = config;
    }

    /**
     * Connects device {@code deviceId} of {@code clientId} over {@code outbox}: resumes its line if
     * {@code resumeToken} is the device's current one and its resume window has not passed, otherwise starts afresh
     * (ending the sessions of an earlier connection, refusing what was held for it). The connection receives the
     * welcome, then the peer list (if the device is verified), then any held messages; a connection it replaces is
     * closed as {@code replaced}; the peers learn that the device is online. On a cluster, the client's lines are
     * first taken over from its former home if it died ({@link ClientTakeover}).
     *
     * @throws SignalingException {@code unknown-device} if the client has no such device
     */
    public Line connect(String clientId, String deviceId, Outbox outbox, String resumeToken, Welcome.Limits limits) {
        Device device = devices.find(clientId, deviceId)
                .orElseThrow(() -> new SignalingException(SignalError.UNKNOWN_DEVICE, "no such device of this client"));
        takeover.ensure(clientId);
        OnlineDevices.Greeting greeting = (line, resume, resumed) -> greeting(line, resume, resumed, limits);
        Optional<OnlineDevices.Attached> resumed = resumeToken == null
                ? Optional.empty()
                : online.resume(clientId, deviceId, resumeToken, outbox, greeting);
        OnlineDevices.Attached attached = resumed.orElseGet(() -> {
            relay.endSessions(DeviceParty.address(clientId, deviceId), "the device reconnected");
            return online.attach(clientId, device, outbox, greeting);
        });
        if (attached.replaced() != null) {
            attached.replaced().close(SignalError.REPLACED, "a newer connection of this device took over");
        }
        relay.refuseHeld(attached.dropped());
        Line line = attached.line();
        if (attached.cameOnline()) {
            presence.tell(clientId, deviceId, presence.update(clientId, line.device()), false);
            if (line.device().verified()) {
                calls.deviceOnline(clientId, deviceId);
            }
        }
        LOG.debugf("device %s of client %s %s", deviceId, clientId, attached.resumed() ? "resumed" : "connected");
        return line;
    }

    /**
     * Handles one message of a connection: relays it, or answers it; returns the answer ({@code ack} or
     * {@code pong}).
     *
     * @throws SignalingException for every refusal
     */
    public ServerMessage receive(Line line, Outbox outbox, ClientMessage message) {
        if (!line.isConnectedTo(outbox)) {
            throw new SignalingException(SignalError.REPLACED, "a newer connection of this device took over");
        }
        if (message instanceof Ping ping) {
            return new Pong(ping.id());
        }
        DeviceParty from = line.party();
        if (message instanceof PlaceCall
                || message instanceof AcceptCall
                || message instanceof DeclineCall
                || message instanceof HangUp
                || message instanceof CallCandidate) {
            return calls.receive(from, message);
        }
        if (message instanceof Offer offer) {
            return new Ack(offer.id(), relay.offer(from, offer));
        }
        if (message instanceof Answer answer) {
            return new Ack(answer.id(), relay.answer(from, answer));
        }
        if (message instanceof Candidate candidate) {
            return new Ack(candidate.id(), relay.candidate(from, candidate));
        }
        Bye bye = (Bye) message;
        return new Ack(bye.id(), relay.bye(from, bye));
    }

    /**
     * Whether {@link #receive} handles {@code message} without a blocking call, where the node keeps its lines and
     * sessions in memory alone (a single node): a ping, or an offer, answer, candidate or bye while no HTTP party waits
     * for an answer. Even then an offer to a device that is not online reads the store: {@link BlockingRequired}.
     */
    public boolean relaysInMemory(ClientMessage message) {
        if (message instanceof Ping) {
            return true;
        }
        return (message instanceof Offer
                        || message instanceof Answer
                        || message instanceof Candidate
                        || message instanceof Bye)
                && !relay.hasHttpParties();
    }

    /**
     * The connection {@code outbox} of {@code line} closed: the device stays online for the resume window, with its
     * signaling held; {@link #expire()} takes it offline afterwards.
     */
    public void disconnected(Line line, Outbox outbox) {
        online.detach(line, outbox, resumeWindow());
    }

    /**
     * Takes offline the devices whose resume window passed: their sessions end, the senders of what was held for them
     * are told, and their peers learn they are offline. Returns how many.
     */
    public int expire() {
        List<OnlineDevices.Expired> expired = online.expire();
        for (OnlineDevices.Expired gone : expired) {
            offline(gone, "the device went offline");
            Line line = gone.line();
            presence.tell(line.clientId(), line.device().id(), presence.update(line.clientId(), line.device()), false);
        }
        return expired.size();
    }

    /**
     * Every token of a client was revoked: its connections close now, as its HTTP requests already fail. A removed
     * client's devices go offline at once; otherwise they may resume with a new token within the resume window.
     */
    public void onCredentialsRevoked(@Observes CredentialsRevoked revoked) {
        List<Line> lines = new ArrayList<>(online.linesOf(revoked.clientId()));
        for (Line line : lines) {
            Outbox outbox = line.outbox();
            if (revoked.removed()) {
                online.remove(line.clientId(), line.device().id())
                        .ifPresent(gone -> offline(gone, "the device was removed"));
            }
            if (outbox != null) {
                outbox.close(SignalError.CREDENTIALS_REVOKED, "the client's credentials were revoked");
            }
        }
    }

    /** Ends what an offline device had: its sessions, its calls, and what was held for it. */
    void offline(OnlineDevices.Expired gone, String reason) {
        relay.refuseHeld(gone.held());
        relay.endSessions(gone.line().address(), reason);
        calls.deviceOffline(gone.line().clientId(), gone.line().device().id());
    }

    private List<ServerMessage> greeting(Line line, String resume, boolean resumed, Welcome.Limits limits) {
        Device device = line.device();
        Welcome welcome = new Welcome(
                presence.peer(line.clientId(), device),
                resume,
                resumed,
                resumeWindow().toSeconds(),
                config.websocket().heartbeat().toSeconds(),
                limits);
        return device.verified() ? List.of(welcome, presence.peersOf(line.clientId(), device.id())) : List.of(welcome);
    }

    private Duration resumeWindow() {
        return config.websocket().resumeWindow();
    }
}
