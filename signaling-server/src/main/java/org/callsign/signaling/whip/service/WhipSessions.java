package org.callsign.signaling.whip.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.signaling.cluster.service.ClusterNode;
import org.callsign.signaling.signal.service.Relay;

/**
 * The live WHIP session resources, in memory, per process. A resource is forgotten when its client deletes it, when
 * the device ends the session (the relay's bye), or {@code whip.session-lifetime} after it was made; forgetting an
 * expired one releases its signaling session without a bye, since the media may well go on.
 */
@Singleton
public class WhipSessions {

    /** Where the session resources live. */
    public static final String PATH = "/whip/sessions";

    /** What a cluster records sessions as: {@code <prefix>whip:<id>}. */
    static final String CLUSTER_KIND = "whip";

    private final Relay relay;
    private final ClusterNode cluster;
    private final Clock clock;
    private final ConcurrentHashMap<String, WhipSession> byId = new ConcurrentHashMap<>();

    public WhipSessions(Relay relay, ClusterNode cluster, Clock clock) {
        this.relay = relay;
        this.cluster = cluster;
        this.clock = clock;
    }

    /** A new resource id. */
    public static String newId() {
        return OpaqueTokens.newSecret();
    }

    /** Keeps a session; on a cluster, records it as this node's until it expires. */
    public void add(WhipSession session) {
        byId.put(session.id(), session);
        cluster.hold(CLUSTER_KIND, session.id(), Duration.between(clock.instant(), session.expires()));
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

    private void forget(WhipSession session) {
        if (remove(session)) {
            relay.release(session.party());
        }
    }
}
