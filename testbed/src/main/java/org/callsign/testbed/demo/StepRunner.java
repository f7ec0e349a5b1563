package org.callsign.testbed.demo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the demo's steps in order, timing each and printing a progress line as it starts and its outcome as it ends.
 * After a failure the remaining steps are not run (each builds on the ones before) and are reported as skipped.
 */
final class StepRunner {

    /** One step: does its part and reports through the log; an exception is its failure. */
    interface Step {
        void run(StepLog log) throws Exception;
    }

    private final PrintStream progress;
    private final int total;
    private final List<StepResult> results = new ArrayList<>();
    private String failed;

    StepRunner(PrintStream progress, int total) {
        this.progress = progress;
        this.total = total;
    }

    /** Runs {@code step} as the next one, unless an earlier step failed. */
    void run(String title, Step step) {
        int number = results.size() + 1;
        progress.printf("[%d/%d] %s ...", number, total, title);
        progress.flush();
        if (failed != null) {
            end(new StepResult(number, title, StepResult.Status.SKIPPED, 0, List.of(), Map.of(), "not run: " + failed));
            return;
        }
        StepLog log = new StepLog();
        long started = System.nanoTime();
        StepResult.Status status = StepResult.Status.PASSED;
        String error = null;
        try {
            step.run(log);
        } catch (StepLog.Skipped e) {
            status = StepResult.Status.SKIPPED;
            error = e.getMessage();
        } catch (Exception | AssertionError e) {
            status = StepResult.Status.FAILED;
            error = describe(e);
            failed = "step " + number + " failed";
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        end(new StepResult(number, title, status, millis, log.details(), log.facts(), error));
    }

    List<StepResult> results() {
        return List.copyOf(results);
    }

    private void end(StepResult result) {
        results.add(result);
        progress.printf(" %s (%s)%n", result.status().value(), DemoReport.seconds(result.millis()));
        for (String detail : result.details()) {
            progress.println("      " + detail);
        }
        if (result.error() != null) {
            progress.println("      " + result.error());
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return message;
    }
}
