package org.callsign.signaling.call.store;

import java.util.List;

/** Each client's call history, newest first, bounded. */
public interface CallStore {

    /** The most calls kept per client; older ones are dropped. */
    int MAX_PER_CLIENT = 500;

    /** Adds the record, or replaces the record of the same call and side. */
    void save(String clientId, CallRecord record);

    /** The client's calls, newest first. */
    List<CallRecord> list(String clientId);

    /** Forgets the client's history. */
    void removeClient(String clientId);
}
