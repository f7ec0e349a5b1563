package org.callsign.signaling.signal.service;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a client's home node writes down, on a cluster, so that the node taking the client over after the home died
 * can give its devices their lines back: each online device's current resume key (a hash, never the token), the
 * messages held for it, the client's open sessions, its calls with other servers and its WHIP sessions (both opaque
 * to this package: their handlers write and read them). The record names its home; once another node has
 * {@linkplain #takeOver taken it over}, writes of the former home change nothing. A single server keeps nothing
 * ({@link #NONE}): its lines live and die with the process.
 *
 * <p>Held messages are written before their sender is told {@code queued}, and a message that cannot be written is not
 * held ({@link #held} throws); the other writes are best effort, so a failure costs at most a resume after the home's
 * death.
 */
public interface LineRecords {

    /** Records nothing: a single server, whose lines end with it. */
    LineRecords NONE = new LineRecords() {};

    /** The device's line is connected under {@code resumeKey} (the token's store key). */
    default void connected(String clientId, String deviceId, String resumeKey) {}

    /**
     * {@code message} is held for the device, after those held before it.
     *
     * @throws org.callsign.server.store.StoreException if it could not be written: the message must not be held
     */
    default void held(String clientId, String deviceId, Held message) {}

    /** The first {@code count} held messages were handed to the device's new connection. */
    default void delivered(String clientId, String deviceId, int count) {}

    /** The device's line went offline, or started afresh: its resume key (if offline) and held messages are gone. */
    default void dropped(String clientId, String deviceId, boolean offline) {}

    /** A session between two devices was opened. */
    default void opened(SignalSession session) {}

    /** A session was closed. */
    default void closed(SignalSession session) {}

    /**
     * Records the call filed under {@code key}: its {@code state} now, replacing what was recorded of it, and the first
     * {@code held} of the candidates {@linkplain #callHeld held} for it, forgetting those after; with {@code start},
     * what never changes of the call (its offer, several kilobytes), unless that is recorded already ({@code null}).
     * So a change of the call rewrites only its small state.
     *
     * @throws org.callsign.server.store.StoreException if it could not be written
     */
    default void call(String clientId, String key, String start, String state, int held) {}

    /**
     * Appends {@code candidate} to the candidates held for the call filed under {@code key}, leaving the rest of its
     * record as it is.
     *
     * @throws org.callsign.server.store.StoreException if it could not be written: the candidate must not be held
     */
    default void callHeld(String clientId, String key, String candidate) {}

    /** Forgets the call filed under {@code key}: its start, state and held candidates. */
    default void callEnded(String clientId, String key) {}

    /**
     * Records the WHIP session resource {@code id}, whose device is one of the client's, as {@code session}.
     *
     * @throws org.callsign.server.store.StoreException if it could not be written
     */
    default void whip(String clientId, String id, String session) {}

    /** Forgets the WHIP session resource {@code id}. */
    default void whipEnded(String clientId, String id) {}

    /**
     * Takes over the record of {@code clientId} that another node wrote as its home: from now on it is this node's.
     * Empty if there is none, or it is this node's already.
     */
    default Optional<Snapshot> takeOver(String clientId) {
        return Optional.empty();
    }

    /** Keeps the records of {@code clientIds}, the clients with lines here, from expiring. */
    default void refresh(Collection<String> clientIds) {}

    /**
     * A client's lines and sessions as its former home recorded them.
     *
     * @param resumeKeys each online device's resume key, by device id
     * @param held the messages held for each device, in order, by device id
     * @param sessions the open sessions between its devices
     * @param calls its calls with other servers, as recorded by {@link #call} and {@link #callHeld}, by key
     * @param whips its WHIP sessions, as recorded by {@link #whip}, by resource id
     */
    record Snapshot(
            Map<String, String> resumeKeys,
            Map<String, List<Held>> held,
            List<SignalSession> sessions,
            Map<String, RecordedCall> calls,
            Map<String, String> whips) {}

    /**
     * A call as {@link #call} and {@link #callHeld} recorded it.
     *
     * @param start what never changes of it, or {@code null} if that is missing
     * @param state its state when last recorded
     * @param held the candidates held for it, in order
     */
    record RecordedCall(String start, String state, List<String> held) {}
}
