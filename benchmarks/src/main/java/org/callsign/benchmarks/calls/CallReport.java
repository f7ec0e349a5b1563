package org.callsign.benchmarks.calls;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The call benchmark's results as Markdown: the set-up time cold and warm, the segments measured in each call, the
 * servers' own timers, the steps timed alone, and an estimate of how the servers' part splits into discovery,
 * sandbox, signatures and relay. What is measured and what is derived is said in each table.
 */
final class CallReport {
    private final CallBench.Phase cold;
    private final CallBench.Phase warm;
    private final List<Steps.Step> steps;
    private final List<Duration> restarts;
    private final boolean restartAll;

    CallReport(
            CallBench.Phase cold,
            CallBench.Phase warm,
            List<Steps.Step> steps,
            List<Duration> restarts,
            boolean restartAll) {
        this.cold = cold;
        this.warm = warm;
        this.steps = steps;
        this.restarts = restarts;
        this.restartAll = restartAll;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Benchmark JVM: %s %s; %d cores.%n%n",
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                Runtime.getRuntime().availableProcessors()));
        String restarted = restartAll ? "all four servers" : "both signaling servers";
        md.append("### Call set-up, `call` sent → answer verified (ms, measured)\n\n");
        md.append("| | calls | p50 | p99 | min | max |\n|---|---:|---:|---:|---:|---:|\n");
        row(md, "cold: " + restarted + " restarted, new devices", cold.calls());
        row(md, "warm: same servers and devices", warm.calls());
        Samples restart = new Samples();
        restarts.forEach(d -> restart.add(d.toNanos()));
        md.append(String.format(
                Locale.ROOT,
                "%nRestarting %s took %s s at the median before each cold call (not measured in it).%n%n",
                restarted,
                Samples.ms(restart.median() / 1000)));

        md.append("### The call's segments (ms, p50 (p99), measured on the benchmark's clock)\n\n");
        md.append("| segment | cold | warm |\n|---|---:|---:|\n");
        segment(
                md,
                "before t0: the caller's `GET /api/lookup` of the callee's server (once per device)",
                CallTiming::lookup);
        segment(
                md,
                "before t0: the caller's device asserts its offer (its IdP, for the callee's server)",
                CallTiming::offerAssertion);
        segment(
                md,
                "t0 → callee's `incoming-call`: both servers (discovery, signed invite, caller's identity"
                        + " checked at the callee's server, ring)",
                CallTiming::invitePath);
        segment(md, "callee's device verifies the caller (`IdentityVerifier`)", CallTiming::calleeVerify);
        segment(md, "callee's device asserts its answer and writes `accept`", CallTiming::calleeAssert);
        segment(md, "`accept` → caller's `call-update accepted`: both servers (signed event)", CallTiming::acceptPath);
        segment(md, "caller's device verifies the answer → t1", CallTiming::callerVerify);
        segment(md, "**t0 → t1**", CallTiming::total);

        md.append("\n### Inside the servers (`/q/metrics`, `http_server_requests_seconds`: mean ms per request)\n\n");
        md.append("| request | cold | warm |\n|---|---:|---:|\n");
        serverRow(
                md,
                "sig-b: `" + CallBench.METRIC_INVITES + "` (checks the signature, 202)",
                false,
                CallBench.METRIC_INVITES);
        serverRow(md, "sig-a: `" + CallBench.METRIC_EVENTS + "` (the accepted event)", true, CallBench.METRIC_EVENTS);
        serverRow(md, "sig-a: `" + CallBench.METRIC_LOOKUP + "` (before t0)", true, CallBench.METRIC_LOOKUP);

        md.append("\n### Steps timed alone in the benchmark's JVM against the running servers (ms, measured)\n\n");
        md.append("| step | samples | p50 | p99 | min | max |\n|---|---:|---:|---:|---:|---:|\n");
        for (Steps.Step step : steps) {
            Samples s = step.samples();
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %s | %s | %s | %s |%n",
                    step.name(),
                    s.count(),
                    Samples.ms(s.median()),
                    Samples.ms(s.percentile(99)),
                    Samples.ms(s.min()),
                    Samples.ms(s.max())));
        }
        estimate(md);
        return md.toString();
    }

    /** The servers' part of the call (invite and accept paths) split by the steps' medians; relay is the rest. */
    private void estimate(StringBuilder md) {
        md.append("\n### Estimate: the servers' part split by step (ms at the median; relay is derived)\n\n");
        md.append("| | cold | warm | source |\n|---|---:|---:|---|\n");
        double coldServers =
                Samples.of(cold.calls(), t -> t.invitePath() + t.acceptPath()).median();
        double warmServers =
                Samples.of(warm.calls(), t -> t.invitePath() + t.acceptPath()).median();
        double devicesCold = Samples.of(cold.calls(), t -> t.total() - t.invitePath() - t.acceptPath())
                .median();
        double devicesWarm = Samples.of(warm.calls(), t -> t.total() - t.invitePath() - t.acceptPath())
                .median();
        estimateRow(
                md,
                "the devices' sandboxes (callee verifies and asserts, caller verifies)",
                devicesCold,
                devicesWarm,
                "measured in the call");
        estimateRow(md, "both servers: invite path + accept path", coldServers, warmServers, "measured in the call");
        double discoveryWarm = step("discovery, warm");
        estimateRow(
                md,
                "… discovery at sig-a",
                discoveryWarm,
                discoveryWarm,
                "steps: cache hit; in a cold call the caller's lookup before t0 filled sig-a's cache");
        double documentCold = step("… /.well-known/callsign alone, cold");
        estimateRow(
                md,
                "… sig-b fetches sig-a's document to check the invite's signature",
                documentCold,
                0,
                "steps: a cold document fetch; warm: cached");
        double validateCold = step("validateAssertion, cold");
        double validateWarm = step("validateAssertion, warm");
        estimateRow(
                md,
                "… sig-b validates the caller's assertion in its sandbox",
                validateCold,
                validateWarm,
                "steps: validateAssertion");
        double cryptoCold = 2 * step("ES256 sign + verify of a federation JWS, first");
        double cryptoWarm = 2 * step("ES256 sign + verify of a federation JWS, warm");
        estimateRow(
                md,
                "… two federation signatures, each signed and verified",
                cryptoCold,
                cryptoWarm,
                "steps: cold = twice the first in a JVM, warm = twice the warm median");
        double connections = 2 * step("HTTPS POST through the fetcher");
        estimateRow(
                md,
                "… relay: a new HTTPS connection for each of the two federation POSTs",
                connections,
                connections,
                "steps: twice an unsigned POST refused at once, warm JVM");
        estimateRow(
                md,
                "… **relay, the rest**: WebSocket messages, request handling, JSON, stores, threads (and, cold, the"
                        + " servers' JIT warm-up)",
                coldServers - discoveryWarm - documentCold - validateCold - cryptoCold - connections,
                warmServers - discoveryWarm - validateWarm - cryptoWarm - connections,
                "derived: the servers' part minus the rows above");
    }

    private double step(String prefix) {
        return steps.stream()
                .filter(s -> s.name().startsWith(prefix))
                .findFirst()
                .map(s -> s.samples().median())
                .orElse(Double.NaN);
    }

    private static void row(StringBuilder md, String label, List<CallTiming> calls) {
        Samples s = Samples.of(calls, CallTiming::total);
        md.append(String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s |%n",
                label,
                s.count(),
                Samples.ms(s.median()),
                Samples.ms(s.percentile(99)),
                Samples.ms(s.min()),
                Samples.ms(s.max())));
    }

    private void segment(StringBuilder md, String label, ToLongFunction<CallTiming> f) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s |%n",
                label,
                cell(Samples.of(cold.calls(), f)),
                cell(Samples.of(warm.calls(), f))));
    }

    /** {@code p50 (p99)}, or "not done" when every sample is 0 (a step the device skipped). */
    private static String cell(Samples s) {
        if (s.max() == 0) {
            return "not done";
        }
        return Samples.ms(s.median()) + " (" + Samples.ms(s.percentile(99)) + ")";
    }

    private void serverRow(StringBuilder md, String label, boolean callerServer, String key) {
        md.append(String.format(
                Locale.ROOT,
                "| %s | %s | %s |%n",
                label,
                mean(cold, callerServer, key),
                mean(warm, callerServer, key)));
    }

    /** The mean over the phase's requests of {@code key}, with their number. */
    private static String mean(CallBench.Phase phase, boolean callerServer, String key) {
        double sum = 0;
        long count = 0;
        for (ServerMetrics m : callerServer ? phase.callerServer() : phase.calleeServer()) {
            if (m.count(key) > 0) {
                sum += m.meanMillis(key) * m.count(key);
                count += m.count(key);
            }
        }
        return count == 0 ? "–" : Samples.ms(sum / count) + " (" + count + " requests)";
    }

    private static void estimateRow(StringBuilder md, String label, double cold, double warm, String source) {
        md.append(String.format(
                Locale.ROOT, "| %s | %s | %s | %s |%n", label, Samples.ms(cold), Samples.ms(warm), source));
    }
}
