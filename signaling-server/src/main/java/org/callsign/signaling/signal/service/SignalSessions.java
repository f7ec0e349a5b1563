package org.callsign.signaling.signal.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The open signaling sessions, by client and id, and by party. Ids are the callers' choice and scoped to their
 * client, so one client can neither take nor probe another's. A party may be in at most {@link #MAX_PER_PARTY}
 * sessions at once, which bounds what one device can make the server remember. In memory, per process; one monitor
 * guards both maps (every operation is a few map updates). Sessions between two devices are written to
 * {@link LineRecords} too, so that on a cluster the node taking their client over can {@linkplain #restore restore}
 * them.
 */
@Singleton
public class SignalSessions {
    /** Sessions one party may be in at once. */
    public static final int MAX_PER_PARTY = 32;

    private final Clock clock;
    private final LineRecords records;
    private final Map<String, SignalSession> byKey = new HashMap<>();
    private final Map<String, Set<String>> byParty = new HashMap<>();

    public SignalSessions(Clock clock) {
        this(clock, LineRecords.NONE);
    }

    @Inject
    public SignalSessions(Clock clock, LineRecords records) {
        this.clock = clock;
        this.records = records;
    }

    /**
     * Opens session {@code id} of {@code clientId} from {@code caller} to {@code callee}; {@code session-taken} if the
     * client already has a session of that id, {@code too-many-sessions} if either party is in too many.
     */
    public SignalSession open(String clientId, String id, String caller, String callee) {
        SignalSession session;
        synchronized (this) {
            String key = key(clientId, id);
            if (byKey.containsKey(key)) {
                throw new SignalingException(SignalError.SESSION_TAKEN, "session id is in use", id);
            }
            if (count(caller) >= MAX_PER_PARTY || count(callee) >= MAX_PER_PARTY) {
                throw new SignalingException(
                        SignalError.TOO_MANY_SESSIONS, "a party is in at most " + MAX_PER_PARTY + " sessions", id);
            }
            session = new SignalSession(clientId, id, caller, callee, clock.instant());
            add(key, session);
        }
        // Outside the monitor, which every message takes: a record is a round trip to Redis. Written before the offer
        // is delivered, so before the callee can answer or end the session.
        if (session.betweenDevices()) {
            records.opened(session);
        }
        return session;
    }

    /**
     * Opens again a session that another node held until it died; does nothing if its id is in use here or a party
     * is in too many sessions already.
     */
    public synchronized void restore(SignalSession session) {
        String key = key(session.clientId(), session.id());
        if (!byKey.containsKey(key)
                && count(session.caller()) < MAX_PER_PARTY
                && count(session.callee()) < MAX_PER_PARTY) {
            add(key, session);
        }
    }

    /**
     * The session {@code id} of {@code clientId} if {@code party} is in it; {@code unknown-session} otherwise, whether
     * or not it exists.
     */
    public synchronized SignalSession of(String clientId, String id, String party) {
        SignalSession session = id == null ? null : byKey.get(key(clientId, id));
        if (session == null || !session.hasParty(party)) {
            throw new SignalingException(SignalError.UNKNOWN_SESSION, "no such session of this device", id);
        }
        return session;
    }

    /** The session {@code id} of {@code clientId}, if open. */
    public synchronized Optional<SignalSession> find(String clientId, String id) {
        return Optional.ofNullable(byKey.get(key(clientId, id)));
    }

    /** Closes a session; true if it was still open. */
    public boolean close(SignalSession session) {
        synchronized (this) {
            if (!remove(session)) {
                return false;
            }
        }
        if (session.betweenDevices()) {
            records.closed(session);
        }
        return true;
    }

    /** Closes every session of {@code party}; returns them. */
    public List<SignalSession> closeAll(String party) {
        List<SignalSession> closed = new ArrayList<>();
        synchronized (this) {
            for (String key : List.copyOf(byParty.getOrDefault(party, Set.of()))) {
                SignalSession session = byKey.get(key);
                if (session != null && remove(session)) {
                    closed.add(session);
                }
            }
        }
        for (SignalSession session : closed) {
            if (session.betweenDevices()) {
                records.closed(session);
            }
        }
        return closed;
    }

    private boolean remove(SignalSession session) {
        String key = key(session.clientId(), session.id());
        if (byKey.get(key) != session) {
            return false;
        }
        byKey.remove(key);
        forget(session.caller(), key);
        forget(session.callee(), key);
        return true;
    }

    /** Number of open sessions. */
    public synchronized int size() {
        return byKey.size();
    }

    /** Number of sessions {@code party} is in. */
    public synchronized int count(String party) {
        return byParty.getOrDefault(party, Set.of()).size();
    }

    private void add(String key, SignalSession session) {
        byKey.put(key, session);
        byParty.computeIfAbsent(session.caller(), party -> new LinkedHashSet<>())
                .add(key);
        byParty.computeIfAbsent(session.callee(), party -> new LinkedHashSet<>())
                .add(key);
    }

    private void forget(String party, String key) {
        Set<String> keys = byParty.get(party);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            byParty.remove(party);
        }
    }

    private static String key(String clientId, String id) {
        return clientId + "\n" + id;
    }
}
