package org.callsign.signaling.signal.service;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.server.secret.OpaqueTokens;
import org.callsign.signaling.device.store.Device;
import org.callsign.signaling.signal.message.ServerMessage;

/**
 * The devices online on this server, one {@link Line} each, and the resume tokens that let a dropped device take its
 * line back, with the messages held for it, within its resume window. A resume token is an opaque secret of which
 * only the hash is kept; each connection gets a new one. In memory, per process; on a cluster each client's lines are
 * on its home node, which writes them to {@link LineRecords} so that the node taking the client over if it dies can
 * {@linkplain #restore restore} them.
 */
@Singleton
public class OnlineDevices {
    /** Messages held for one reconnecting device; past this, senders are told {@code target-busy}. */
    public static final int MAX_HELD = 64;

    private final Clock clock;
    private final LineRecords records;
    private final ConcurrentHashMap<String, Line> lines = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> resumeKeys = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<Line>> byClient = new ConcurrentHashMap<>();
    private final Set<Line> away = ConcurrentHashMap.newKeySet();

    public OnlineDevices(Clock clock) {
        this(clock, LineRecords.NONE);
    }

    @Inject
    public OnlineDevices(Clock clock, LineRecords records) {
        this.clock = clock;
        this.records = records;
    }

    /**
     * Connects {@code device} over {@code outbox} as a fresh start. A line the device already had (connected or
     * reconnecting) is taken over: its connection is returned in {@link Attached#replaced()} to be closed, and the
     * messages it held in {@link Attached#dropped()} for their senders to be told. {@code greeting} is sent first,
     * before any other message can reach the new connection.
     */
    public Attached attach(String clientId, Device device, Outbox outbox, Greeting greeting) {
        String address = DeviceParty.address(clientId, device.id());
        String resume = OpaqueTokens.newSecret();
        while (true) {
            boolean[] created = {false};
            Line line = lines.computeIfAbsent(address, key -> {
                created[0] = true;
                Line added = new Line(clientId, device, records);
                addToClient(added);
                return added;
            });
            synchronized (line) {
                if (lines.get(address) != line) {
                    continue; // expired and removed meanwhile: take a new line
                }
                line.device(device);
                List<Held> dropped = line.drainHeld();
                if (!dropped.isEmpty()) {
                    records.dropped(clientId, device.id(), false);
                }
                Outbox replaced = connect(line, outbox, resume, greeting, false);
                return new Attached(line, resume, replaced, dropped, false, created[0]);
            }
        }
    }

    /**
     * Gives device {@code deviceId} its line back: {@code resumeToken} must be the token of the device's last welcome
     * and its line still online (connected, or within its resume window). The greeting goes first, then the held
     * messages in order. Empty if the token is malformed, unknown, superseded, expired, or of another device.
     */
    public Optional<Attached> resume(
            String clientId, String deviceId, String resumeToken, Outbox outbox, Greeting greeting) {
        if (!OpaqueTokens.isWellFormed(resumeToken)) {
            return Optional.empty();
        }
        String key = OpaqueTokens.storeKey(resumeToken);
        String address = resumeKeys.get(key);
        if (address == null || !address.equals(DeviceParty.address(clientId, deviceId))) {
            return Optional.empty();
        }
        Line line = lines.get(address);
        if (line == null) {
            return Optional.empty();
        }
        String resume = OpaqueTokens.newSecret();
        synchronized (line) {
            if (lines.get(address) != line || !key.equals(line.resumeKey()) || line.expired(clock.instant())) {
                return Optional.empty();
            }
            Outbox replaced = connect(line, outbox, resume, greeting, true);
            return Optional.of(new Attached(line, resume, replaced, List.of(), true, false));
        }
    }

    /**
     * Gives back the line of a device that another node held until it died, as if the device had just dropped: it
     * waits for the device to resume with the token of {@code resumeKey} until {@code window} has passed, holding
     * {@code held}. Does nothing if the device has a line here already.
     */
    public void restore(String clientId, Device device, String resumeKey, List<Held> held, Duration window) {
        String address = DeviceParty.address(clientId, device.id());
        Line line = new Line(clientId, device, records);
        synchronized (line) {
            if (lines.putIfAbsent(address, line) != null) {
                return;
            }
            addToClient(line);
            line.restore(resumeKey, clock.instant().plus(window), held);
            resumeKeys.put(resumeKey, address);
            away.add(line);
        }
    }

    /**
     * The connection {@code outbox} of {@code line} closed: the line holds messages for the device until {@code window}
     * has passed. Returns {@code false} if a newer connection had already replaced it.
     */
    public boolean detach(Line line, Outbox outbox, Duration window) {
        if (!line.suspend(outbox, clock.instant().plus(window))) {
            return false;
        }
        away.add(line);
        return true;
    }

    /** Removes the lines whose resume window has passed, and returns them with the messages they still held. */
    public List<Expired> expire() {
        Instant now = clock.instant();
        List<Expired> expired = new ArrayList<>();
        for (Line line : away) {
            synchronized (line) {
                if (line.outbox() != null || lines.get(line.address()) != line) {
                    away.remove(line); // resumed, replaced or removed
                } else if (line.expired(now)) {
                    away.remove(line);
                    expired.add(new Expired(unlink(line), line.drainHeld()));
                }
            }
        }
        return expired;
    }

    /**
     * Takes a device's line offline at once (the device was removed): returns it, with what it held, if there was
     * one. Its connection, if any, is the caller's to close.
     */
    public Optional<Expired> remove(String clientId, String deviceId) {
        Line line = lines.get(DeviceParty.address(clientId, deviceId));
        if (line == null) {
            return Optional.empty();
        }
        synchronized (line) {
            if (lines.get(line.address()) != line) {
                return Optional.empty();
            }
            away.remove(line);
            return Optional.of(new Expired(unlink(line), line.drainHeld()));
        }
    }

    /** The line of a device, connected or reconnecting. */
    public Optional<Line> line(String clientId, String deviceId) {
        return line(DeviceParty.address(clientId, deviceId));
    }

    /** The line at {@code address}. */
    public Optional<Line> line(String address) {
        return Optional.ofNullable(lines.get(address));
    }

    /** Whether the device is online: connected, or reconnecting within its resume window. */
    public boolean isOnline(String clientId, String deviceId) {
        return lines.containsKey(DeviceParty.address(clientId, deviceId));
    }

    /** The lines of one client. */
    public List<Line> linesOf(String clientId) {
        return List.copyOf(byClient.getOrDefault(clientId, Set.of()));
    }

    /** Every line. */
    public Collection<Line> all() {
        return List.copyOf(lines.values());
    }

    /** Keeps the {@link LineRecords} of the clients with lines here from expiring. */
    public void keepRecords() {
        records.refresh(List.copyOf(byClient.keySet()));
    }

    /** Number of online devices. */
    public int size() {
        return lines.size();
    }

    /**
     * Delivers to the line at {@code address}; while its device reconnects, holds the message if {@code hold}.
     * {@code REFUSED} if there is no line.
     */
    public Line.Delivery deliver(String address, Held message, boolean hold) {
        Line line = lines.get(address);
        return line == null ? Line.Delivery.REFUSED : line.deliver(message, MAX_HELD, hold);
    }

    /** Under the line's monitor: greets {@code outbox}, hands it what the line held, and connects it. */
    private Outbox connect(Line line, Outbox outbox, String resume, Greeting greeting, boolean resumed) {
        for (ServerMessage message : greeting.messages(line, resume, resumed)) {
            outbox.send(message);
        }
        line.flushTo(outbox);
        String previousKey = line.resumeKey();
        if (previousKey != null) {
            resumeKeys.remove(previousKey, line.address());
        }
        Outbox replaced = line.connect(outbox, OpaqueTokens.storeKey(resume));
        resumeKeys.put(line.resumeKey(), line.address());
        away.remove(line);
        records.connected(line.clientId(), line.device().id(), line.resumeKey());
        return replaced;
    }

    private void addToClient(Line line) {
        byClient.compute(line.clientId(), (client, set) -> {
            Set<Line> updated = set != null ? set : ConcurrentHashMap.newKeySet();
            updated.add(line);
            return updated;
        });
    }

    private Line unlink(Line line) {
        lines.remove(line.address(), line);
        byClient.computeIfPresent(line.clientId(), (client, set) -> {
            set.remove(line);
            return set.isEmpty() ? null : set;
        });
        String key = line.resumeKey();
        if (key != null) {
            resumeKeys.remove(key, line.address());
        }
        records.dropped(line.clientId(), line.device().id(), true);
        return line;
    }

    /** The first messages of a connection, written while nothing else can reach it. */
    @FunctionalInterface
    public interface Greeting {

        /** The messages, for {@code line} resumed or not, with the connection's new resume token. */
        List<ServerMessage> messages(Line line, String resumeToken, boolean resumed);
    }

    /**
     * A line taken by a connection.
     *
     * @param line the line
     * @param resumeToken the new resume token, for the welcome
     * @param replaced the connection that had the line until now, to be closed, or {@code null}
     * @param dropped messages held for the device that a fresh start discards (their senders must be told)
     * @param resumed whether the connection resumed the line
     * @param cameOnline whether the device was offline until now (its peers must be told)
     */
    public record Attached(
            Line line, String resumeToken, Outbox replaced, List<Held> dropped, boolean resumed, boolean cameOnline) {}

    /**
     * A line that went offline.
     *
     * @param line the line
     * @param held the messages it still held (their senders must be told)
     */
    public record Expired(Line line, List<Held> held) {}
}
