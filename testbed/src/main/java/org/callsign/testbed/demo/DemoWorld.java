package org.callsign.testbed.demo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.callsign.peer.WebRtcPeer;
import org.callsign.testbed.DeviceSocket;
import org.callsign.testbed.TwoDomains;
import org.callsign.testbed.User;
import org.callsign.wellknown.testing.WebPushTesting;

/**
 * Everything the demo's steps share: the two domains, the push service, the people, their devices' WebRTC peers and
 * signaling connections, and what earlier steps learnt. Whatever is opened is {@link #own owned} here and closed,
 * newest first, by {@link #close} — once, whether the run ends or fails — so that no server, peer or temporary file
 * outlives the demo.
 *
 * <p>When the JVM is stopped (Ctrl-C, SIGTERM) the shutdown hook calls {@link #abort} instead, while the run's own
 * thread may still be inside libwebrtc: it stops the child processes and removes the temporary directory but leaves
 * the {@link #ownNative native} resources (peers, the WebRTC factory) to the exiting process, since freeing them under
 * a thread that uses them crashes the JVM.
 */
final class DemoWorld implements AutoCloseable {
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private final Set<AutoCloseable> natives = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<CallSummary> calls = new ArrayList<>();
    private boolean closed;

    TwoDomains bed;
    WebPushTesting pushService;
    WebPushTesting.Subscription perPhone;

    User alice;
    User per;
    User mallory;
    WebRtcPeer alicePeer;
    WebRtcPeer perPeer;
    String aliceSdp;
    DeviceSocket aliceDevice;
    DeviceSocket perDevice;

    String perServer;
    String call;
    String aliceOffer;
    String perAnswer;
    String answerAtAlice;

    /** Takes {@code resource} to be closed with the world; returns it. */
    synchronized <T extends AutoCloseable> T own(T resource) {
        if (closed) {
            if (!natives.contains(resource)) {
                closeQuietly(resource);
            }
            throw new IllegalStateException("the demo is shutting down");
        }
        owned.push(resource);
        return resource;
    }

    /** Like {@link #own}, for a resource of native code that {@link #abort} leaves alone. */
    synchronized <T extends AutoCloseable> T ownNative(T resource) {
        natives.add(resource);
        return own(resource);
    }

    synchronized void record(CallSummary call) {
        calls.add(call);
    }

    synchronized List<CallSummary> calls() {
        return List.copyOf(calls);
    }

    /** Closes everything owned, newest first; later calls (and {@link #abort}) do nothing. */
    @Override
    public synchronized void close() {
        closeAll(true);
    }

    /** Closes everything owned but the native resources, newest first, from a shutdown hook; once, like close. */
    synchronized void abort() {
        closeAll(false);
    }

    private void closeAll(boolean withNatives) {
        if (closed) {
            return;
        }
        closed = true;
        while (!owned.isEmpty()) {
            AutoCloseable resource = owned.pop();
            if (withNatives || !natives.contains(resource)) {
                closeQuietly(resource);
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            System.err.println("callsign demo: closing " + resource + ": " + e);
        }
    }
}
