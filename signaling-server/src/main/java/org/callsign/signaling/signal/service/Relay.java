package org.callsign.signaling.signal.service;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.signaling.device.service.DeviceService;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.message.Ack;
import org.callsign.signaling.signal.message.Answer;
import org.callsign.signaling.signal.message.Bye;
import org.callsign.signaling.signal.message.Candidate;
import org.callsign.signaling.signal.message.ErrorMessage;
import org.callsign.signaling.signal.message.Offer;
import org.callsign.signaling.signal.message.RelayedAnswer;
import org.callsign.signaling.signal.message.RelayedBye;
import org.callsign.signaling.signal.message.RelayedCandidate;
import org.callsign.signaling.signal.message.RelayedOffer;
import org.callsign.signaling.signal.message.ServerMessage;

/**
 * Relays offers, answers, candidates and byes between the parties of a session, enforcing who may signal whom:
 *
 * <ul>
 *   <li>only a verified device (or an admitted HTTP party) sends, and only to a verified, online device of its own
 *       client — another client's device ids are unknown here, so cross-user relay is impossible;
 *   <li>an offer or answer must carry only the sender's registered fingerprint (anti-masquerading, as peerbook and
 *       webexec do: the DTLS handshake then proves the sender holds that key, RFC 8122 §5);
 *   <li>after the first offer, only the session's two parties can send on it;
 *   <li>every message is delivered, held for a reconnecting target, or refused with a {@link SignalingException} —
 *       never dropped.
 * </ul>
 *
 * Each relaying method returns the {@link Ack} status for the sender ({@code delivered} or {@code queued}).
 */
@Singleton
public class Relay {
    private final OnlineDevices online;
    private final SignalSessions sessions;
    private final DeviceService devices;
    private final ConcurrentHashMap<String, HttpParty> httpParties = new ConcurrentHashMap<>();

    public Relay(OnlineDevices online, SignalSessions sessions, DeviceService devices) {
        this.online = online;
        this.sessions = sessions;
        this.devices = devices;
    }

    /** Relays an offer: opens the session to {@code to}, or renegotiates a session the sender is part of. */
    public String offer(Party from, Offer offer) {
        checkSender(from);
        String id = offer.session();
        if (!IdSyntax.SESSION.test(id)) {
            throw new SignalingException(
                    SignalError.INVALID_MESSAGE, "session must be 8 to 64 characters of A-Z a-z 0-9 _ -");
        }
        SdpCheck.requireOwnFingerprint(from, offer.sdp(), id);
        Optional<SignalSession> existing = sessions.find(from.clientId(), id);
        if (existing.isPresent()) {
            SignalSession session = sessions.of(from.clientId(), id, from.address());
            String peer = session.peerOf(from.address());
            if (offer.to() != null && !peer.equals(DeviceParty.address(from.clientId(), offer.to()))) {
                throw new SignalingException(SignalError.SESSION_TAKEN, "session id is in use with another device", id);
            }
            return deliver(peer, new RelayedOffer(offer.id(), from.sender(), id, offer.sdp()), from, offer.id(), id);
        }
        SignalSession session = sessions.open(from.clientId(), id, from.address(), targetAddress(from, offer.to(), id));
        try {
            return deliver(
                    session.callee(),
                    new RelayedOffer(offer.id(), from.sender(), id, offer.sdp()),
                    from,
                    offer.id(),
                    id);
        } catch (SignalingException e) {
            sessions.close(session);
            throw e;
        }
    }

    /** Relays an answer to the other party of its session. */
    public String answer(Party from, Answer answer) {
        checkSender(from);
        SignalSession session = sessions.of(from.clientId(), answer.session(), from.address());
        SdpCheck.requireOwnFingerprint(from, answer.sdp(), session.id());
        return deliver(
                session.peerOf(from.address()),
                new RelayedAnswer(answer.id(), from.sender(), session.id(), answer.sdp()),
                from,
                answer.id(),
                session.id());
    }

    /** Relays a trickled candidate (or the end of candidates) to the other party of its session. */
    public String candidate(Party from, Candidate candidate) {
        checkSender(from);
        SignalSession session = sessions.of(from.clientId(), candidate.session(), from.address());
        return deliver(
                session.peerOf(from.address()),
                new RelayedCandidate(candidate.id(), from.sender(), session.id(), candidate.candidate()),
                from,
                candidate.id(),
                session.id());
    }

    /** Ends a session and tells the other party; the session is closed even if the other party cannot be told. */
    public String bye(Party from, Bye bye) {
        SignalSession session = sessions.of(from.clientId(), bye.session(), from.address());
        sessions.close(session);
        Line.Delivery delivery = deliverTo(
                session.peerOf(from.address()),
                new Held(
                        new RelayedBye(bye.id(), from.sender(), session.id(), bye.reason()), from.address(), bye.id()));
        return delivery == Line.Delivery.QUEUED ? Ack.QUEUED : Ack.DELIVERED;
    }

    /**
     * Ends every session of {@code party} (it went offline, started afresh, was unverified or removed): the other
     * parties get a bye from the server with {@code reason}.
     */
    public void endSessions(String party, String reason) {
        for (SignalSession session : sessions.closeAll(party)) {
            deliverTo(session.peerOf(party), new Held(RelayedBye.fromServer(session.id(), reason), null, null));
        }
    }

    /**
     * Tells the senders of {@code held} messages that their target never took them: {@code target-offline}, with the
     * id they gave the message.
     */
    public void refuseHeld(List<Held> held) {
        for (Held message : held) {
            if (message.sender() != null && message.messageId() != null) {
                String session = sessionOf(message.message());
                deliverTo(
                        message.sender(),
                        new Held(
                                new ErrorMessage(
                                        message.messageId(),
                                        SignalError.TARGET_OFFLINE.code(),
                                        "the target went offline before it received the message",
                                        session,
                                        null),
                                null,
                                null));
            }
        }
    }

    /** Admits an HTTP party ({@code /connect}, WHIP): it can now open a session and receive its answer. */
    public void admit(HttpParty party) {
        httpParties.put(party.address(), party);
    }

    /**
     * Whether an HTTP party waits for its answer: a message relayed to one completes its HTTP exchange on the relaying
     * thread, which may then block.
     */
    public boolean hasHttpParties() {
        return !httpParties.isEmpty();
    }

    /** Forgets an HTTP party and ends its sessions. */
    public void dismiss(HttpParty party, String reason) {
        if (httpParties.remove(party.address(), party)) {
            endSessions(party.address(), reason);
        }
    }

    /**
     * Forgets an HTTP party whose exchange is complete and closes its sessions without a bye: the answer was given and
     * the peers now talk directly, so the device must not hang up; its later messages on them are unknown sessions.
     */
    public void release(HttpParty party) {
        if (httpParties.remove(party.address(), party)) {
            sessions.closeAll(party.address());
        }
    }

    /**
     * Delivers a message to a party wherever it is: an HTTP party's outbox, or a device's line, which holds it while
     * the device reconnects. The result says what became of it.
     */
    public Line.Delivery deliverTo(String address, Held message) {
        HttpParty http = httpParties.get(address);
        if (http != null) {
            return http.outbox().send(message.message()) ? Line.Delivery.DELIVERED : Line.Delivery.REFUSED;
        }
        return online.deliver(address, message, true);
    }

    private String deliver(String address, ServerMessage message, Party from, String messageId, String session) {
        return switch (deliverTo(address, new Held(message, from.address(), messageId))) {
            case DELIVERED -> Ack.DELIVERED;
            case QUEUED -> Ack.QUEUED;
            case REFUSED -> {
                boolean connected =
                        httpParties.containsKey(address) || online.line(address).isPresent();
                throw connected
                        ? new SignalingException(SignalError.TARGET_BUSY, "the target is not keeping up", session)
                        : new SignalingException(SignalError.TARGET_OFFLINE, "the target is offline", session);
            }
        };
    }

    private static String sessionOf(ServerMessage message) {
        if (message instanceof RelayedOffer offer) {
            return offer.session();
        }
        if (message instanceof RelayedAnswer answer) {
            return answer.session();
        }
        if (message instanceof RelayedCandidate candidate) {
            return candidate.session();
        }
        return message instanceof RelayedBye bye ? bye.session() : null;
    }

    private void checkSender(Party from) {
        if (from instanceof DeviceParty device && !device.device().verified()) {
            throw new SignalingException(
                    SignalError.NOT_VERIFIED, "this device is not verified: its client must verify it first");
        }
        if (from instanceof HttpParty http && httpParties.get(http.address()) != http) {
            throw new SignalingException(SignalError.NOT_ALLOWED, "this exchange is over");
        }
    }

    /** The address of target device {@code to} of the sender's client, which must be verified and online. */
    private String targetAddress(Party from, String to, String session) {
        if (to == null || to.isEmpty()) {
            throw new SignalingException(
                    SignalError.INVALID_MESSAGE, "an offer opening a session needs a target (to)", session);
        }
        if (from instanceof DeviceParty device && device.device().id().equals(to)) {
            throw new SignalingException(SignalError.NOT_ALLOWED, "a device cannot signal itself", session);
        }
        Optional<Line> line = online.line(from.clientId(), to);
        if (line.isEmpty()) {
            BlockingRequired.unlessThreadMayBlock(); // the device is read from the store
        }
        Device target = line.map(Line::device)
                .or(() -> devices.find(from.clientId(), to))
                .orElseThrow(() -> new SignalingException(SignalError.UNKNOWN_TARGET, "no such device", session));
        if (!target.verified()) {
            throw new SignalingException(SignalError.NOT_ALLOWED, "the target device is not verified", session);
        }
        return line.orElseThrow(() ->
                        new SignalingException(SignalError.TARGET_OFFLINE, "the target device is offline", session))
                .address();
    }
}
