package org.callsign.benchmarks.signaling;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * One offered load: calls started at a fixed rate (open loop: the schedule does not wait for answers), each call
 * seven messages between a pair of devices of one client — the caller's offer, the callee's answer and two
 * candidates, the caller's two candidates (on the answer) and bye (on the callee's last candidate) — so that the
 * offered load in messages per second is seven times the call rate. The messages are framed by the relay's
 * {@link RelayWire}; the call, the schedule and the timing are the same for every relay. Every relayed message is timed from just before its send to its arrival at the other device (both
 * ends are in this process, on one clock). Messages sent during the warm-up are delivered but not counted.
 */
final class RelayLevel implements DeviceSocket.Inbox {
    static final int MESSAGES_PER_CALL = 7;

    private final List<DeviceSocket[]> pairs;
    private final Map<DeviceSocket, String> partners = new IdentityHashMap<>();
    private final RelayWire wire;
    private final Map<String, String> sdpJson;
    private final String tag;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final AtomicLong sentInWindow = new AtomicLong();
    private final AtomicLong deliveredInWindow = new AtomicLong();
    private final AtomicLong acks = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    /**
     * @param pairs caller and callee sockets
     * @param wire how the relay's devices frame their messages
     * @param sdpJson each device id's SDP (its own fingerprint) as a JSON string literal
     * @param tag a prefix that makes this level's session ids unique
     */
    RelayLevel(List<DeviceSocket[]> pairs, RelayWire wire, Map<String, String> sdpJson, String tag) {
        this.pairs = pairs;
        this.wire = wire;
        this.sdpJson = sdpJson;
        this.tag = tag;
        for (DeviceSocket[] pair : pairs) {
            partners.put(pair[0], pair[1].device().id());
            partners.put(pair[1], pair[0].device().id());
        }
    }

    /** Runs the level and returns what it measured; {@code serverCpuNanos} reads the server's CPU time so far. */
    Result run(double messagesPerSecond, long warmUpNanos, long durationNanos, LongSupplier serverCpuNanos) {
        double callsPerSecond = messagesPerSecond / MESSAGES_PER_CALL;
        long interval = (long) (1e9 / callsPerSecond);
        long start = System.nanoTime();
        windowStart = start + warmUpNanos;
        windowEnd = windowStart + durationNanos;
        long cpuBefore = -1;
        long maxLag = 0;
        for (long k = 0; ; k++) {
            long planned = start + k * interval;
            if (planned >= windowEnd) {
                break;
            }
            long now = System.nanoTime();
            if (planned > now) {
                LockSupport.parkNanos(planned - now);
            } else if (planned >= windowStart) {
                maxLag = Math.max(maxLag, now - planned);
            }
            if (cpuBefore < 0 && planned >= windowStart) {
                cpuBefore = serverCpuNanos.getAsLong();
            }
            DeviceSocket[] pair = pairs.get((int) (k % pairs.size()));
            String session = String.format("%s-%08d", tag, k);
            send(
                    pair[0],
                    session,
                    "o",
                    wire.offer(
                            pair[1].device().id(),
                            session,
                            sdpJson.get(pair[0].device().id())));
        }
        long cpuAfter = serverCpuNanos.getAsLong();
        LockSupport.parkNanos(2_000_000_000L); // the last calls finish
        double seconds = durationNanos / 1e9;
        Map<String, Long> errorCounts = new TreeMap<>();
        errors.forEach((code, count) -> errorCounts.put(code, count.get()));
        return new Result(
                messagesPerSecond,
                sentInWindow.get() / seconds,
                deliveredInWindow.get() / seconds,
                latencies.percentileMillis(50),
                latencies.percentileMillis(99),
                latencies.percentileMillis(100),
                maxLag / 1e6,
                (cpuAfter - cpuBefore) / 1e9 / seconds,
                deliveredInWindow.get() == 0 ? Double.NaN : (cpuAfter - cpuBefore) / 1e3 / deliveredInWindow.get(),
                sentAt.size(),
                errorCounts);
    }

    @Override
    public void received(DeviceSocket socket, JsonNode message, long nanos) {
        RelayWire.Received received = wire.read(message);
        String session = received.session();
        String other = partners.get(socket);
        switch (received.kind()) {
            case OFFER -> {
                arrived(session + "/o", nanos);
                send(
                        socket,
                        session,
                        "a",
                        wire.answer(other, session, sdpJson.get(socket.device().id())));
                send(socket, session, "b1", wire.candidate(other, session, "b1"));
                send(socket, session, "b2", wire.candidate(other, session, "b2"));
            }
            case ANSWER -> {
                arrived(session + "/a", nanos);
                send(socket, session, "a1", wire.candidate(other, session, "a1"));
                send(socket, session, "a2", wire.candidate(other, session, "a2"));
            }
            case CANDIDATE -> {
                arrived(session + "/" + received.foundation(), nanos);
                if (received.foundation().equals("b2")) {
                    // The callee's last message: the session can end without cutting off anything in flight.
                    send(socket, session, "y", wire.bye(other, session));
                }
            }
            case BYE -> arrived(session + "/y", nanos);
            case ACK -> acks.incrementAndGet();
            case ERROR ->
                errors.computeIfAbsent(received.detail(), code -> new AtomicLong())
                        .incrementAndGet();
            case OTHER -> {
                // greetings, presence, heartbeats: not part of the relay load
            }
        }
    }

    private void send(DeviceSocket from, String session, String step, String json) {
        long now = System.nanoTime();
        sentAt.put(session + "/" + step, now);
        if (now >= windowStart && now < windowEnd) {
            sentInWindow.incrementAndGet();
        }
        from.send(json);
    }

    private void arrived(String key, long nanos) {
        Long sent = sentAt.remove(key);
        if (sent != null && sent >= windowStart && sent < windowEnd) {
            deliveredInWindow.incrementAndGet();
            latencies.add(nanos - sent);
        }
    }

    /**
     * What one level measured.
     *
     * @param offered offered messages per second
     * @param sent messages per second actually sent during the measured interval
     * @param delivered relayed messages per second that arrived (of those sent during the interval)
     * @param p50 relay latency, milliseconds
     * @param p99 relay latency, milliseconds
     * @param max relay latency, milliseconds
     * @param maxLagMillis how far the schedule fell behind at worst, milliseconds
     * @param serverCores the server's CPU time per second of the interval (1.0 = one core busy)
     * @param serverMicrosPerMessage server CPU time per delivered message, microseconds
     * @param undelivered messages sent and never seen arriving
     * @param errors error frames by code
     */
    record Result(
            double offered,
            double sent,
            double delivered,
            double p50,
            double p99,
            double max,
            double maxLagMillis,
            double serverCores,
            double serverMicrosPerMessage,
            long undelivered,
            Map<String, Long> errors) {}
}
