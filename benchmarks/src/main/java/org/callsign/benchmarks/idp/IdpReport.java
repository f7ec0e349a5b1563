package org.callsign.benchmarks.idp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares idp-server's assertions over HTTP ({@link AssertionLoad}'s TSV) with the bare signature
 * ({@link SigningBenchmark}'s JMH JSON) against the goal "HTTP and checks cost at most 2× the signature itself", in
 * three ways. The CPU ratio, the fairest on a machine whose cores the load generator shares with the server: the
 * server's CPU time per assertion at the level of best throughput (with and without the server's JIT compiler
 * threads) ÷ the JVM's CPU time per bare signature ({@link SigningCpu}). The throughput ratio: bare signatures per
 * second with as many threads as cores (a second JMH result, if given; else one thread) ÷ the best assertions per
 * second. The latency ratio: the median at one client ÷ the bare median. Since CPU time too grows when other work
 * shares the cores (caches, the hypervisor), the server's CPU per assertion is also set against the bare median
 * signature time in JMH, which preemption hardly touches; the goal counts as met only if both CPU ratios are ≤ 2.
 *
 * <p>Usage: {@code IdpReport <jmh-result.json> <idp-load.tsv> <signing-cpu.tsv> [<jmh-result-all-cores.json>]}.
 */
public final class IdpReport {
    private static final double GOAL = 2.0;
    private static final String BASELINE = "signEs256";

    private IdpReport() {}

    /** One load run, from a line of the TSV. */
    private record Run(
            String scheme,
            int clients,
            double perSecond,
            double p50,
            double p99,
            double cpuMicros,
            double noJitMicros) {
        static Run parse(String line) {
            String[] f = line.split("\t");
            return new Run(
                    f[0],
                    Integer.parseInt(f[1]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]),
                    Double.parseDouble(f[11]),
                    Double.parseDouble(f[12]));
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3 && args.length != 4) {
            System.err.println("usage: IdpReport <jmh-result.json> <idp-load.tsv> <signing-cpu.tsv>"
                    + " [<jmh-result-all-cores.json>]");
            System.exit(2);
        }
        JsonNode jmh = new ObjectMapper().readTree(new File(args[0]));
        List<Run> runs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (!line.startsWith("scheme\t") && !line.isBlank()) {
                runs.add(Run.parse(line));
            }
        }
        double bareOpsPerSecond = score(jmh, BASELINE, "thrpt").orElseThrow() * 1000;
        String[] cpu = Files.readAllLines(Path.of(args[2])).stream()
                .filter(line -> line.startsWith(BASELINE + "\t"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + BASELINE + " in " + args[2]))
                .split("\t");
        double bareMicros = Double.parseDouble(cpu[4]);
        double bareP50 = percentile(jmh, BASELINE, "50.0").orElse(Double.NaN);
        JsonNode allCores = args.length == 4 ? new ObjectMapper().readTree(new File(args[3])) : null;
        Optional<JsonNode> parallel = allCores == null ? Optional.empty() : result(allCores, BASELINE, "thrpt");
        int threads = parallel.map(result -> result.path("threads").asInt()).orElse(1);
        double capacity =
                parallel.isPresent() ? score(allCores, BASELINE, "thrpt").orElseThrow() * 1000 : bareOpsPerSecond;
        System.out.printf(
                Locale.ROOT,
                "Bare signature (`%s`): %.0f µs of JVM CPU (%s µs of the thread's) each; %,.0f signatures/s in one"
                        + " thread (%.0f µs of wall-clock time each), p50 %.3f ms; %,.0f/s in %d threads.%n%n",
                BASELINE,
                bareMicros,
                cpu[3],
                bareOpsPerSecond,
                1e6 / bareOpsPerSecond,
                bareP50,
                capacity,
                threads);
        List<String> schemes = runs.stream().map(Run::scheme).distinct().toList();
        List<Run> best = new ArrayList<>();
        List<Run> single = new ArrayList<>();
        for (String scheme : schemes) {
            List<Run> ofScheme =
                    runs.stream().filter(run -> run.scheme().equals(scheme)).toList();
            best.add(ofScheme.stream()
                    .max(Comparator.comparingDouble(Run::perSecond))
                    .orElseThrow());
            single.add(ofScheme.stream()
                    .filter(run -> run.clients() == 1)
                    .findFirst()
                    .orElse(null));
        }
        System.out.println("| | " + String.join(" | ", schemes) + " |");
        System.out.println("|---|" + "---:|".repeat(schemes.size()));
        row("best assertions/s (clients)", best, run -> format("%,.0f (%d)", run.perSecond(), run.clients()));
        row("its p50 / p99 (ms)", best, run -> format("%.2f / %.2f", run.p50(), run.p99()));
        row("its server CPU per assertion (µs)", best, run -> format("%.0f", run.cpuMicros()));
        row("… without the JIT compiler threads (µs)", best, run -> format("%.0f", run.noJitMicros()));
        row(
                format("**CPU ratio** (÷ %.0f µs, bare JVM CPU)", bareMicros),
                best,
                run -> format("**%.2f**", run.cpuMicros() / bareMicros));
        row(
                format("CPU ratio against the bare p50 (÷ %.0f µs)", bareP50 * 1000),
                best,
                run -> format("%.2f", run.cpuMicros() / (bareP50 * 1000)));
        row(
                format("throughput ratio (bare, %d thread(s) ÷ best)", threads),
                best,
                run -> format("%.2f", capacity / run.perSecond()));
        row("p50 ratio at 1 client (÷ bare p50)", single, run -> format("%.2f", run.p50() / bareP50));
        row("goal ≤ 2× (both CPU ratios)", best, run -> {
            double worst = Math.max(run.cpuMicros() / bareMicros, run.cpuMicros() / (bareP50 * 1000));
            return worst <= GOAL ? "met" : "missed";
        });
    }

    private static void row(String label, List<Run> runs, Function<Run, String> cell) {
        StringBuilder row = new StringBuilder("| ").append(label).append(" |");
        for (Run run : runs) {
            row.append(' ').append(run == null ? "–" : cell.apply(run)).append(" |");
        }
        System.out.println(row);
    }

    private static String format(String format, Object... values) {
        return String.format(Locale.ROOT, format, values);
    }

    /** The throughput of {@code benchmark} in operations per millisecond (the benchmark's output unit). */
    private static Optional<Double> score(JsonNode jmh, String benchmark, String mode) {
        return result(jmh, benchmark, mode).map(result -> {
            JsonNode metric = result.path("primaryMetric");
            if (!metric.path("scoreUnit").asText().equals("ops/ms")) {
                throw new IllegalStateException(benchmark + " is in " + metric.path("scoreUnit") + ", not ops/ms");
            }
            return metric.path("score").asDouble();
        });
    }

    /** A sampled percentile of {@code benchmark}, in milliseconds (the benchmark's output unit). */
    private static Optional<Double> percentile(JsonNode jmh, String benchmark, String percentile) {
        return result(jmh, benchmark, "sample").map(result -> result.path("primaryMetric")
                .path("scorePercentiles")
                .path(percentile)
                .asDouble());
    }

    private static Optional<JsonNode> result(JsonNode jmh, String benchmark, String mode) {
        for (JsonNode result : jmh) {
            String name = result.path("benchmark").asText();
            if (name.endsWith("." + benchmark) && result.path("mode").asText().equals(mode)) {
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }
}
