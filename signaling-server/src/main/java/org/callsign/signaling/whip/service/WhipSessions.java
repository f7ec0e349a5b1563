package org.callsign.signaling.whip.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.server.store.StoreException;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.signal.service.ClientTakeover;
import org.callsign.signaling.signal.service.LineRecords;
import org.callsign.signaling.signal.service.OnlineDevices;
import org.callsign.signaling.signal.service.Relay;
import org.callsign.signaling.signal.service.SignalSession;
import org.callsign.signaling.signal.service.SignalSessions;
import org.jboss.logging.Logger;

/**
 * The live WHIP session resources, in memory, per process. A resource is forgotten when its client deletes it, when
 * the device ends the session (the relay's bye), or {@code whip.session-lifetime} after it was made; forgetting an
 * expired one releases its signaling session without a bye, since the media may well go on.
 *
 * <p>On a cluster, the node that holds a session records it in its client's record ({@link LineRecords#whip}); if the
 * node dies, the node that takes the client over ({@link ClientTakeover}) gets it back, so that its {@code PATCH} and
 * {@code DELETE} still reach the device.
 */
@Singleton
public class WhipSessions {
    private static final Logger LOG = Logger.getLogger(WhipSessions.class);

    /** Where the session resources live. */
    public static final String PATH = "/whip/sessions";

    /** What a cluster records sessions as: {@code <prefix>whip:<id>}. */
    static final String CLUSTER_KIND = "whip";

    private final Relay relay;
    private final SignalSessions signalSessions;
    private final OnlineDevices online;
    private final ClusterNode cluster;
    private final LineRecords records;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ConcurrentHashMap<String, WhipSession> byId = new ConcurrentHashMap<>();

    public WhipSessions(
            Relay relay,
            SignalSessions signalSessions,
            OnlineDevices online,
            ClusterNode cluster,
            LineRecords records,
            ClientTakeover takeover,
            ObjectMapper mapper,
            Clock clock) {
        this.relay = relay;
        this.signalSessions = signalSessions;
        this.online = online;
        this.cluster = cluster;
        this.records = records;
        this.mapper = mapper;
        this.clock = clock;
        takeover.restoreWhipsWith(this::restore);
    }

    /** A new resource id. */
    public static String newId() {
        return OpaqueTokens.newSecret();
    }

    /**
     * Keeps a session; on a cluster, records it as this node's until it expires, and in its client's record.
     *
     * @throws StoreException if it could not be recorded: it is not kept
     */
    public void add(WhipSession session) {
        byId.put(session.id(), session);
        String clientId = session.party().clientId();
        try {
            cluster.hold(CLUSTER_KIND, session.id(), Duration.between(clock.instant(), session.expires()), clientId);
            Optional<SignalSession> signal = signalSessions.find(clientId, session.session());
            if (signal.isPresent()) {
                records.whip(clientId, session.id(), json(StoredWhipSession.of(session, signal.get())));
            }
        } catch (StoreException e) {
            byId.remove(session.id(), session);
            cluster.release(CLUSTER_KIND, session.id());
            throw e;
        }
    }

    /** The live session {@code id}: not deleted, not ended by the device, not expired. */
    public Optional<WhipSession> find(String id) {
        if (!OpaqueTokens.isWellFormed(id)) {
            return Optional.empty();
        }
        WhipSession session = byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (session.exchange().ended() || !clock.instant().isBefore(session.expires())) {
            forget(session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Removes a session; true if it was there. */
    public boolean remove(WhipSession session) {
        if (!byId.remove(session.id(), session)) {
            return false;
        }
        cluster.release(CLUSTER_KIND, session.id());
        records.whipEnded(session.party().clientId(), session.id());
        return true;
    }

    /** Number of live sessions (some may have ended and wait for the sweep). */
    public int size() {
        return byId.size();
    }

    /** Forgets ended and expired sessions. */
    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        for (WhipSession session : byId.values()) {
            find(session.id());
        }
    }

    /**
     * Takes back the sessions of {@code clientId} that the node holding them recorded before it died, once the client's
     * lines are back here: each live one whose device has a line again, with its signaling session, held by this node
     * from now on.
     */
    void restore(String clientId, Map<String, String> recorded) {
        Instant now = clock.instant();
        recorded.forEach((id, json) -> {
            StoredWhipSession stored = read(json);
            if (stored == null
                    || !now.isBefore(Instant.ofEpochMilli(stored.expires()))
                    || online.line(stored.device()).isEmpty()) {
                records.whipEnded(clientId, id);
                return;
            }
            WhipSession session = stored.session(clientId, id);
            relay.admit(session.party());
            signalSessions.restore(stored.signalSession(session));
            byId.put(id, session);
            try {
                cluster.hold(CLUSTER_KIND, id, Duration.between(now, session.expires()), clientId);
            } catch (StoreException e) {
                // Requests through other nodes find the client's home, which is this node, all the same.
                LOG.warnf("could not record WHIP session of client %s as held here: %s", clientId, e.getMessage());
            }
        });
    }

    private String json(StoredWhipSession stored) {
        try {
            return mapper.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a WHIP session as JSON", e);
        }
    }

    private StoredWhipSession read(String json) {
        try {
            return mapper.readValue(json, StoredWhipSession.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("skipped an unreadable WHIP session in a client's record: %s", e.getOriginalMessage());
            return null;
        }
    }

    private void forget(WhipSession session) {
        if (remove(session)) {
            relay.release(session.party());
        }
    }
}
