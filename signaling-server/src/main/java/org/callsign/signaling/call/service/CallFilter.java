package org.callsign.signaling.call.service;

import org.callsign.signaling.identity.store.BoundIdentity;

/**
 * Decides whether an incoming call rings, from what was verified of the caller. The default rings verified callers
 * and refuses the rest; the filtering service extends it.
 */
public interface CallFilter {

    /** Whether the call from {@code caller} to {@code callee} rings. */
    boolean rings(CallerCheck caller, BoundIdentity callee);
}
