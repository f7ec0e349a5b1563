package org.callsign.signaling.signal.service;

import java.util.ArrayList;
import java.util.List;
import org.callsign.signaling.signal.message.ServerMessage;

/** An outbox that keeps what it is given, and refuses everything once told to (a closing or lagging connection). */
final class RecordingOutbox implements Outbox {
    private final List<ServerMessage> messages = new ArrayList<>();
    private boolean refusing;
    private SignalError closedAs;

    @Override
    public synchronized boolean send(ServerMessage message) {
        if (refusing || closedAs != null) {
            return false;
        }
        messages.add(message);
        return true;
    }

    @Override
    public synchronized void close(SignalError reason, String message) {
        closedAs = reason;
    }

    /** From now on, refuse every message. */
    synchronized void refuse() {
        refusing = true;
    }

    /** Everything received so far. */
    synchronized List<ServerMessage> messages() {
        return List.copyOf(messages);
    }

    /** The messages of one type received so far. */
    <T extends ServerMessage> List<T> messages(Class<T> type) {
        return messages().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The last message of {@code type}. */
    <T extends ServerMessage> T last(Class<T> type) {
        List<T> found = messages(type);
        if (found.isEmpty()) {
            throw new AssertionError("no " + type.getSimpleName() + " among " + messages());
        }
        return found.get(found.size() - 1);
    }

    /** Forgets what was received. */
    synchronized void clear() {
        messages.clear();
    }

    /** Why the outbox was closed, or {@code null}. */
    synchronized SignalError closedAs() {
        return closedAs;
    }
}
