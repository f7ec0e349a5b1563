package org.callsign.signaling.call.service;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.callsign.signaling.identity.store.BoundIdentity;

/** The default policy: a call rings only if the caller's identity was verified. */
@ApplicationScoped
@DefaultBean
public class VerifiedCallersFilter implements CallFilter {

    @Override
    public boolean rings(CallerCheck caller, BoundIdentity callee) {
        return caller.verified().isPresent();
    }
}
