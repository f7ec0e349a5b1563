package org.callsign.testbed.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a running step reports: sentences for people, facts for scripts, or that it cannot run here. */
public final class StepLog {
    private final List<String> details = new ArrayList<>();
    private final Map<String, Object> facts = new LinkedHashMap<>();

    /** Adds a sentence to the step's details. */
    public void detail(String sentence) {
        details.add(sentence);
    }

    /** Records a fact ({@code "filter": "ring"}) for the JSON report. */
    public void fact(String name, Object value) {
        facts.put(name, value);
    }

    /** Ends the step as skipped: something it needs is not installed here. */
    public Skipped skip(String reason) {
        return new Skipped(reason);
    }

    List<String> details() {
        return details;
    }

    Map<String, Object> facts() {
        return facts;
    }

    /** Thrown by a step that cannot run on this machine; the run goes on without it. */
    public static final class Skipped extends Exception {
        private static final long serialVersionUID = 1L;

        Skipped(String reason) {
            super(reason);
        }
    }
}
