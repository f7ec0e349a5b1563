package org.callsign.signaling.signal.service;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.callsign.server.store.StoreException;
import org.callsign.signaling.device.store.Device;
import org.jboss.logging.Logger;

/**
 * The server's line to one online device: its current connection, or, while it reconnects, the signaling messages
 * held for it until its resume window ends. One line per device: a second connection of the same device replaces the
 * first. Guarded by its own monitor; {@link OnlineDevices} makes every change of connection. What it holds is written
 * to its {@link LineRecords} as well, so that on a cluster another node can hold it if this one dies.
 */
public final class Line {
    private static final Logger LOG = Logger.getLogger(Line.class);

    private final String clientId;
    private final LineRecords records;
    private final String address;
    private volatile Device device;
    private Outbox outbox;
    private String resumeKey;
    private Instant awayUntil;
    private final ArrayDeque<Held> held = new ArrayDeque<>();

    Line(String clientId, Device device, LineRecords records) {
        this.clientId = clientId;
        this.records = records;
        this.address = DeviceParty.address(clientId, device.id());
        this.device = device;
    }

    /** The device's client. */
    public String clientId() {
        return clientId;
    }

    /** The device as registered now. */
    public Device device() {
        return device;
    }

    /** The device as a party to signaling. */
    public DeviceParty party() {
        return new DeviceParty(clientId, device);
    }

    /** The address of this line's device. */
    public String address() {
        return address;
    }

    void device(Device changed) {
        device = changed;
    }

    /** The connection, or {@code null} while the device reconnects. */
    synchronized Outbox outbox() {
        return outbox;
    }

    /** Whether the device is connected (and not reconnecting). */
    public synchronized boolean isConnected() {
        return outbox != null;
    }

    /** Whether the connection is {@code candidate} (and not a later one). */
    public synchronized boolean isConnectedTo(Outbox candidate) {
        return outbox == candidate;
    }

    /** Connects {@code next} under a new resume key; returns the connection it replaces, or {@code null}. */
    synchronized Outbox connect(Outbox next, String nextResumeKey) {
        Outbox previous = outbox;
        outbox = next;
        resumeKey = nextResumeKey;
        awayUntil = null;
        return previous;
    }

    /** Holds messages from now until {@code until}, if {@code current} is still the connection. */
    synchronized boolean suspend(Outbox current, Instant until) {
        if (outbox != current) {
            return false;
        }
        outbox = null;
        awayUntil = until;
        return true;
    }

    /**
     * Makes a line that another node held (it died) wait for its device as if it had just dropped: under
     * {@code resumeKey}, until {@code until}, holding {@code messages}.
     */
    synchronized void restore(String resumeKey, Instant until, List<Held> messages) {
        this.resumeKey = resumeKey;
        this.awayUntil = until;
        held.addAll(messages);
    }

    synchronized String resumeKey() {
        return resumeKey;
    }

    /** Whether the device dropped and its resume window has passed. */
    synchronized boolean expired(Instant now) {
        return outbox == null && awayUntil != null && !now.isBefore(awayUntil);
    }

    synchronized List<Held> drainHeld() {
        List<Held> drained = new ArrayList<>(held);
        held.clear();
        return drained;
    }

    /**
     * Delivers a message to the connection, or, while the device reconnects and if {@code hold}, holds it (at most
     * {@code maxHeld}). A connection that refuses is closing (closed, or too far behind), so the device is about to
     * reconnect: the message is held as well. Under the line's monitor, so that messages keep their order.
     */
    synchronized Delivery deliver(Held message, int maxHeld, boolean hold) {
        if (outbox != null && outbox.send(message.message())) {
            return Delivery.DELIVERED;
        }
        if (!hold || held.size() >= maxHeld) {
            return Delivery.REFUSED;
        }
        try {
            records.held(clientId, device.id(), message);
        } catch (StoreException e) {
            LOG.warnf("could not record a message held for device %s: refusing it (%s)", device.id(), e.getMessage());
            return Delivery.REFUSED;
        }
        held.addLast(message);
        return Delivery.QUEUED;
    }

    /** Hands the held messages to {@code next}, in order; those it does not take stay held. */
    synchronized void flushTo(Outbox next) {
        int delivered = 0;
        while (!held.isEmpty() && next.send(held.peekFirst().message())) {
            held.removeFirst();
            delivered++;
        }
        if (delivered > 0) {
            records.delivered(clientId, device.id(), delivered);
        }
    }

    /** What became of a message given to a line. */
    public enum Delivery {
        /** Handed to the device's connection. */
        DELIVERED,
        /** Held until the device resumes. */
        QUEUED,
        /** Neither: the device is gone, or too far behind. */
        REFUSED
    }
}
