package org.callsign.signaling.signal.message;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids of the messages the server writes itself (welcome, peer lists and updates, a bye for a party that went
 * offline): {@code s} and a number that grows within a process, so that a device can tell two notices apart.
 */
public final class ServerIds {
    private static final AtomicLong NEXT = new AtomicLong();

    private ServerIds() {}

    /** A new id. */
    public static String next() {
        return "s" + Long.toString(NEXT.incrementAndGet(), 36);
    }
}
