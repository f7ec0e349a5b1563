package org.callsign.signaling.signal.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records of one client's lines as a cluster's Redis keeps them, in memory, for the nodes of a unit test: each
 * {@link #node} writes only while it is the client's home ({@link #moveHome}), and takes the record over once it is.
 */
final class MemoryLineRecords {
    private String home;
    private String owner;
    private final Map<String, String> resumeKeys = new LinkedHashMap<>();
    private final Map<String, List<Held>> held = new HashMap<>();
    private final Map<String, SignalSession> sessions = new LinkedHashMap<>();
    private final Map<String, LineRecords.RecordedCall> calls = new LinkedHashMap<>();
    private final Map<String, String> whips = new LinkedHashMap<>();

    MemoryLineRecords(String home) {
        this.home = home;
    }

    /** The client's home is now node {@code id}, as a claim makes it once the former home is dead. */
    synchronized void moveHome(String id) {
        home = id;
    }

    /** The messages recorded as held for a device. */
    synchronized List<Held> held(String deviceId) {
        return List.copyOf(held.getOrDefault(deviceId, List.of()));
    }

    /** Node {@code id}'s view. */
    LineRecords node(String id) {
        return new LineRecords() {
            @Override
            public void connected(String clientId, String deviceId, String resumeKey) {
                write(id, () -> resumeKeys.put(deviceId, resumeKey));
            }

            @Override
            public void held(String clientId, String deviceId, Held message) {
                write(id, () -> held.computeIfAbsent(deviceId, device -> new ArrayList<>())
                        .add(message));
            }

            @Override
            public void delivered(String clientId, String deviceId, int count) {
                write(id, () -> held.get(deviceId).subList(0, count).clear());
            }

            @Override
            public void dropped(String clientId, String deviceId, boolean offline) {
                write(id, () -> {
                    held.remove(deviceId);
                    if (offline) {
                        resumeKeys.remove(deviceId);
                    }
                });
            }

            @Override
            public void opened(SignalSession session) {
                write(id, () -> sessions.put(session.id(), session));
            }

            @Override
            public void closed(SignalSession session) {
                write(id, () -> sessions.remove(session.id()));
            }

            @Override
            public void call(String clientId, String key, String start, String state, int held) {
                write(id, () -> {
                    RecordedCall was = calls.getOrDefault(key, new RecordedCall(null, null, List.of()));
                    calls.put(
                            key,
                            new RecordedCall(
                                    start == null ? was.start() : start,
                                    state,
                                    List.copyOf(was.held()
                                            .subList(
                                                    0, Math.min(held, was.held().size())))));
                });
            }

            @Override
            public void callHeld(String clientId, String key, String candidate) {
                write(id, () -> {
                    RecordedCall was = calls.getOrDefault(key, new RecordedCall(null, null, List.of()));
                    List<String> held = new ArrayList<>(was.held());
                    held.add(candidate);
                    calls.put(key, new RecordedCall(was.start(), was.state(), List.copyOf(held)));
                });
            }

            @Override
            public void callEnded(String clientId, String key) {
                write(id, () -> calls.remove(key));
            }

            @Override
            public void whip(String clientId, String whipId, String session) {
                write(id, () -> whips.put(whipId, session));
            }

            @Override
            public void whipEnded(String clientId, String whipId) {
                write(id, () -> whips.remove(whipId));
            }

            @Override
            public Optional<Snapshot> takeOver(String clientId) {
                synchronized (MemoryLineRecords.this) {
                    if (!id.equals(home) || owner == null || owner.equals(id)) {
                        return Optional.empty();
                    }
                    owner = id;
                    Map<String, List<Held>> copies = new HashMap<>();
                    held.forEach((device, messages) -> copies.put(device, List.copyOf(messages)));
                    return Optional.of(new Snapshot(
                            Map.copyOf(resumeKeys),
                            copies,
                            List.copyOf(sessions.values()),
                            Map.copyOf(calls),
                            Map.copyOf(whips)));
                }
            }
        };
    }

    private synchronized void write(String node, Runnable change) {
        if (node.equals(home)) {
            owner = node;
            change.run();
        }
    }
}
