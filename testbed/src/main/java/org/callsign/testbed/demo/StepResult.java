package org.callsign.testbed.demo;

import java.util.List;
import java.util.Map;

/**
 * What one step of the demo did.
 *
 * @param number its place, from 1
 * @param title what it shows
 * @param status passed, failed, or skipped
 * @param millis how long it took
 * @param details what happened, in sentences
 * @param facts the same for scripts: names and values ({@code "dtls": "connected"})
 * @param error why it failed or was skipped, else {@code null}
 */
public record StepResult(
        int number,
        String title,
        Status status,
        long millis,
        List<String> details,
        Map<String, Object> facts,
        String error) {

    /** How a step ended; the wire value is {@link #value()}. */
    public enum Status {
        PASSED("passed"),
        FAILED("failed"),
        SKIPPED("skipped");

        private final String value;

        Status(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public StepResult {
        details = List.copyOf(details);
        facts = Map.copyOf(facts);
    }
}
