package org.callsign.testbed.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a demo run: its steps, its calls, how long it took and where things were. {@link #ok()} only if no
 * step failed (a step is skipped only where a tool it needs is missing, and says so). Printed as a summary table
 * ({@link #toText()}) or as one JSON document ({@link #toJson()}, documented in testbed/README.md).
 *
 * @param steps every step, in order
 * @param calls the calls made, in order
 * @param millis the whole run
 * @param environment ports, the CA, the log directory, the JDK
 */
public record DemoReport(
        List<StepResult> steps, List<CallSummary> calls, long millis, Map<String, Object> environment) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DemoReport {
        steps = List.copyOf(steps);
        calls = List.copyOf(calls);
        environment = Map.copyOf(environment);
    }

    /** Whether every step behaved as expected (none failed). */
    public boolean ok() {
        return steps.stream().noneMatch(s -> s.status() == StepResult.Status.FAILED);
    }

    /** The summary table: steps with their times, then the calls. */
    public String toText() {
        StringBuilder text = new StringBuilder("\nSummary\n");
        text.append(String.format("  %-3s %-58s %-8s %8s%n", "#", "step", "result", "time"));
        for (StepResult step : steps) {
            text.append(String.format(
                    "  %-3d %-58s %-8s %8s%n",
                    step.number(), step.title(), step.status().value(), seconds(step.millis())));
        }
        text.append("\nCalls\n");
        for (CallSummary call : calls) {
            text.append("  ")
                    .append(call.caller())
                    .append(" -> ")
                    .append(call.callee())
                    .append('\n');
            text.append("      verified: ").append(call.verified()).append('\n');
            text.append("      outcome:  ").append(call.outcome()).append('\n');
        }
        long failed = steps.stream()
                .filter(s -> s.status() == StepResult.Status.FAILED)
                .count();
        long skipped = steps.stream()
                .filter(s -> s.status() == StepResult.Status.SKIPPED)
                .count();
        text.append('\n');
        if (failed == 0 && skipped == 0) {
            text.append("All ").append(steps.size()).append(" steps behaved as expected");
        } else if (failed == 0) {
            text.append(steps.size() - skipped)
                    .append(" steps behaved as expected, ")
                    .append(skipped)
                    .append(" skipped (see above)");
        } else {
            text.append(failed)
                    .append(" step(s) failed; the servers' logs are in ")
                    .append(environment.get("logs"));
        }
        return text.append(" in ").append(seconds(millis)).append(".\n").toString();
    }

    /** The report as one JSON document. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("ok", ok());
        root.put("millis", millis);
        ArrayNode stepArray = root.putArray("steps");
        for (StepResult step : steps) {
            ObjectNode node = stepArray.addObject();
            node.put("step", step.number());
            node.put("title", step.title());
            node.put("status", step.status().value());
            node.put("millis", step.millis());
            node.set("details", JSON.valueToTree(step.details()));
            node.set("facts", JSON.valueToTree(step.facts()));
            node.put("error", step.error());
        }
        root.set("calls", JSON.valueToTree(calls));
        root.set("environment", JSON.valueToTree(environment));
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code 1234} as {@code 1.2 s}. */
    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
