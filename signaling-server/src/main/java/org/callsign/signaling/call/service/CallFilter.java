package org.callsign.signaling.call.service;

import java.net.InetAddress;
import org.callsign.signaling.filter.service.FilterResult;
import org.callsign.signaling.identity.store.BoundIdentity;

/** Decides what becomes of an incoming call, from what was verified of the caller (docs/filtering.md). */
public interface CallFilter {

    /**
     * What becomes of the call from {@code caller} to {@code callee}, and why.
     *
     * @param sender the origin of the caller's server
     * @param address the address the call came from (the caller's server, or {@code null} for a call placed on this
     *     server)
     */
    FilterResult decide(CallerCheck caller, BoundIdentity callee, String sender, InetAddress address);

    /** Whether a push notification of a call to {@code callee} may name the verified caller. */
    default boolean pushShowsCaller(BoundIdentity callee) {
        return false;
    }
}
