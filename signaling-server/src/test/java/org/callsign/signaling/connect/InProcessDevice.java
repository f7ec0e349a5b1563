package org.callsign.signaling.connect;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.callsign.signaling.signal.message.ClientMessage;
import org.callsign.signaling.signal.message.ServerMessage;
import org.callsign.signaling.signal.message.Welcome;
import org.callsign.signaling.signal.service.Line;
import org.callsign.signaling.signal.service.Outbox;
import org.callsign.signaling.signal.service.SignalError;
import org.callsign.signaling.signal.service.SignalingService;

/**
 * A device online in the test's own process: connected through {@link SignalingService} as the WebSocket endpoint
 * connects one, with this object as its connection. Every message the server sends is kept, in order, and handed to
 * a handler on a thread of its own (the server never waits for a connection).
 */
public final class InProcessDevice implements Outbox, AutoCloseable {

    private final SignalingService signaling;
    private final BlockingQueue<ServerMessage> received = new LinkedBlockingQueue<>();
    private final ExecutorService handlerThread = Executors.newSingleThreadExecutor();
    private volatile Consumer<ServerMessage> handler = message -> {};
    private Line line;

    private InProcessDevice(SignalingService signaling) {
        this.signaling = signaling;
    }

    /** Connects device {@code deviceId} of {@code clientId}. */
    public static InProcessDevice connect(SignalingService signaling, String clientId, String deviceId) {
        InProcessDevice device = new InProcessDevice(signaling);
        device.line = signaling.connect(clientId, deviceId, device, null, new Welcome.Limits(65536, 100));
        return device;
    }

    /** What to do with each message from now on (the messages already received are not replayed). */
    public InProcessDevice onMessage(Consumer<ServerMessage> next) {
        this.handler = next;
        return this;
    }

    /** Sends a message as this device; returns the server's answer to it (an ack). */
    public ServerMessage send(ClientMessage message) {
        return signaling.receive(line, this, message);
    }

    /** The next message of {@code type}, skipping others; fails after {@code wait}. */
    public <T extends ServerMessage> T await(Class<T> type, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ServerMessage message = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + wait);
            }
            if (type.isInstance(message)) {
                return type.cast(message);
            }
        }
    }

    @Override
    public boolean send(ServerMessage message) {
        received.add(message);
        Consumer<ServerMessage> current = handler;
        handlerThread.execute(() -> current.accept(message));
        return true;
    }

    @Override
    public void close(SignalError reason, String message) {
        handlerThread.shutdown();
    }

    /** Drops the connection: the device stays online for the resume window, as after a network loss. */
    @Override
    public void close() {
        signaling.disconnected(line, this);
        handlerThread.shutdown();
    }
}
