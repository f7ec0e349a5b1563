package org.callsign.signaling.push.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * Pushes in {@code /q/metrics}: {@code callsign_push_messages_total{outcome}}, one count per push and outcome
 * (each retry counts as {@code retried}).
 */
@Singleton
public class PushMetrics {

    /** What became of a push, with its tag value. */
    public enum Outcome {
        /** The push service took it. */
        DELIVERED("delivered"),
        /** A temporary failure; sent again later. */
        RETRIED("retried"),
        /** The push service said the subscription is gone; it was deleted. */
        GONE("gone"),
        /** Refused by the push service, or given up after the last attempt. */
        FAILED("failed"),
        /** Not sent: the call stopped ringing first. */
        EXPIRED("expired"),
        /** Not sent: the send queue was full. */
        QUEUE_FULL("queue-full");

        private final String value;

        Outcome(String value) {
            this.value = value;
        }

        /** The tag value. */
        public String value() {
            return value;
        }
    }

    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

    public PushMetrics(MeterRegistry registry) {
        for (Outcome outcome : Outcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder("callsign.push.messages")
                            .description("Web Push messages, by outcome")
                            .tag("outcome", outcome.value())
                            .register(registry));
        }
    }

    /** Counts one push's outcome. */
    public void count(Outcome outcome) {
        counters.get(outcome).increment();
    }

    /** How many pushes had {@code outcome} so far. */
    public long total(Outcome outcome) {
        return (long) counters.get(outcome).count();
    }
}
