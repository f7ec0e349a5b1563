package org.callsign.benchmarks.calls;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The caller's device's messages, queued with their arrival time for the measuring thread. */
final class Inbox implements Device.Handler {

    /** A message and when it arrived ({@link System#nanoTime()}). */
    record Received(JsonNode message, long nanos) {
        String type() {
            return message.path("type").asText();
        }
    }

    private final BlockingQueue<Received> queue = new LinkedBlockingQueue<>();

    @Override
    public void received(JsonNode message, long nanos) {
        queue.add(new Received(message, nanos));
    }

    /** Drops what has arrived so far. */
    void clear() {
        queue.clear();
    }

    /**
     * The next message that {@code wanted} accepts, dropping others, waiting at most {@code timeout}; an
     * {@code error} frame fails at once.
     */
    Received next(Predicate<Received> wanted, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Received received = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (received == null) {
                throw new IllegalStateException("no " + what + " within " + timeout);
            }
            if (received.type().equals("error")) {
                throw new IllegalStateException("the caller's server refused: " + received.message());
            }
            if (wanted.test(received)) {
                return received;
            }
        }
    }
}
