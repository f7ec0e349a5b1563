package org.callsign.signaling.call.service;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.callsign.signaling.identity.store.BoundIdentity;
import org.callsign.signaling.push.service.CallNotification;
import org.callsign.signaling.push.service.PushNotifier;

/**
 * Wakes the callee's sleeping devices (docs/protocol.md, "Push notifications"): when a call rings, each verified device
 * of the callee that is not connected gets a push with the call id, the verified caller if the callee allows it, and
 * the ring's end — nothing else; when the ring ends unanswered or the caller gives up, those devices get a missed-call
 * push, which replaces the first at the push service.
 */
@Singleton
public class CallPushes {

    private final CallDevices devices;
    private final CallFilter filter;
    private final PushNotifier push;

    public CallPushes(CallDevices devices, CallFilter filter, PushNotifier push) {
        this.devices = devices;
        this.filter = filter;
        this.push = push;
    }

    /**
     * Pushes an incoming call to the callee's verified devices that are offline and not among {@code rung}, and
     * records them on the call (under its monitor) for the missed-call push; whether there were any. Called without
     * holding the monitor.
     */
    boolean ringing(ActiveCall call, BoundIdentity callee, List<String> rung) {
        List<String> asleep = new ArrayList<>(devices.asleep(call.clientId));
        asleep.removeAll(rung);
        if (asleep.isEmpty()) {
            return false;
        }
        String caller = call.record.verified() && filter.pushShowsCaller(callee) ? call.record.peer() : null;
        synchronized (call) {
            call.pushed.addAll(asleep);
            call.pushCaller = caller;
        }
        push.send(
                call.clientId,
                asleep,
                new CallNotification(CallNotification.Kind.INCOMING_CALL, call.id, caller, call.expires));
        return true;
    }

    /** Tells the devices woken for the call that it was missed. */
    void missed(ActiveCall call) {
        List<String> woken;
        String caller;
        synchronized (call) {
            woken = List.copyOf(call.pushed);
            caller = call.pushCaller;
        }
        if (!woken.isEmpty()) {
            push.send(
                    call.clientId,
                    woken,
                    new CallNotification(CallNotification.Kind.MISSED_CALL, call.id, caller, call.expires));
        }
    }
}
