package org.callsign.signaling.call.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import org.callsign.signaling.call.store.CallRecord;
import org.callsign.signaling.signal.message.IceCandidate;

/**
 * A call that is ringing or in progress on this server, from one side: the caller's (outgoing) or the callee's
 * (incoming). Guarded by its own monitor. Requests to the other server leave in order, one after another.
 */
final class ActiveCall {

    final String id;
    final boolean outgoing;
    volatile String peerServer;

    /** The local client, or {@code null} for an incoming call to an identity nobody here bound. */
    final String clientId;

    /** The caller's offer (incoming calls). */
    final String offer;

    /** The callee's identity (incoming calls). */
    String to;

    CallRecord record;

    /** The caller's device (outgoing), or the device that accepted (incoming). */
    String device;

    /** Devices rung (incoming). */
    final Set<String> rung = new LinkedHashSet<>();

    /** For incoming calls: where the invite came from (the caller's server), or {@code null} for a local caller. */
    InetAddress address;

    /** For incoming calls: whether the filter let it ring (devices that come online while it rings ring too). */
    boolean rings;

    /** Devices woken by a push for this call (incoming): told again, with a missed-call push, if nobody answers. */
    final Set<String> pushed = new LinkedHashSet<>();

    /** The caller named in this call's pushes, or {@code null}. */
    String pushCaller;

    /** The caller's candidates, held until a device accepts (incoming). */
    final List<IceCandidate> held = new ArrayList<>();

    ScheduledFuture<?> timeout;

    /** When an incoming call stops ringing: the caller's server learns the outcome then, unless told sooner. */
    Instant expires;

    /** Whether the other server was told how the call ended (or needs not be). */
    boolean settled;

    /** On a cluster, whether its client's record holds what never changes of it ({@link StoredCall.Start}). */
    boolean started;

    private CompletableFuture<Void> outbound = CompletableFuture.completedFuture(null);

    ActiveCall(String id, boolean outgoing, String peerServer, String clientId, String offer, CallRecord record) {
        this.id = id;
        this.outgoing = outgoing;
        this.peerServer = peerServer;
        this.clientId = clientId;
        this.offer = offer;
        this.record = record;
    }

    /** The key of this call among the active ones. */
    String key() {
        return key(outgoing, peerServer, id);
    }

    static String key(boolean outgoing, String peerServer, String id) {
        return (outgoing ? "out " : "in ") + peerServer + " " + id;
    }

    /** Runs {@code step} after every step queued before it, on {@code executor}. */
    synchronized void then(Executor executor, Runnable step) {
        outbound = outbound.thenRunAsync(step, executor).exceptionally(e -> null);
    }

    /** An address as {@link InetAddress#getHostAddress()} wrote it: parsed, never looked up. */
    static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + address, e);
        }
    }

    /** Whether the call is over. */
    synchronized boolean ended() {
        return record.state().terminal();
    }
}
