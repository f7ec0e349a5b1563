package org.callsign.signaling.call.store;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Each client's call history, newest first, bounded. */
public interface CallStore {

    /** The most calls kept per client; older ones are dropped. */
    int MAX_PER_CLIENT = 500;

    /** Adds the record, or replaces the record of the same call and side. */
    void save(String clientId, CallRecord record);

    /** The client's calls, newest first. */
    List<CallRecord> list(String clientId);

    /**
     * The clients whose history has calls not yet over (and perhaps a few whose last such call just ended): those
     * that {@link #endUnfinished} may find something to end for, without reading every client's history.
     */
    Set<String> unfinishedClients();

    /**
     * Ends the client's calls that are not over and for which {@code live} is false, as a process that held them
     * ended without closing them: an accepted call as {@code ended}, any other as {@code failed}, with {@code reason},
     * at {@code now}. Returns how many it ended.
     */
    int endUnfinished(String clientId, Predicate<CallRecord> live, String reason, Instant now);

    /** Forgets the client's history. */
    void removeClient(String clientId);
}
