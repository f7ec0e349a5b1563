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

/**
 * Compares idp-server's assertions over HTTP ({@link AssertionLoad}'s TSV) with the bare signature
 * ({@link SigningBenchmark}'s JMH JSON) against the goal "HTTP and checks cost at most 2× the signature itself", in
 * three ways. The CPU ratio, the fairest on a machine whose cores the load generator shares with the server: the
 * server's CPU time per assertion at the level of best throughput (with and without the server's JIT compiler threads)
 * ÷ the JVM's CPU time per bare signature ({@link SigningCpu}). The throughput ratio: bare signatures per second with as many
 * threads as cores (a second JMH result, if given; else one thread) ÷ the best assertions per second. The latency
 * ratio: the median at one client ÷ the bare median.
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
            System.err.println(
                    "usage: IdpReport <jmh-result.json> <idp-load.tsv> <signing-cpu.tsv> [<jmh-result-all-cores.json>]");
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
        System.out.println("| scheme | best assertions/s (clients) | its p99 (ms) | its server CPU/assertion (µs)"
                + " | CPU ratio | without JIT | throughput ratio | p50 ratio, 1 client | goal ≤ 2× (CPU) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        for (String scheme : runs.stream().map(Run::scheme).distinct().toList()) {
            List<Run> ofScheme =
                    runs.stream().filter(run -> run.scheme().equals(scheme)).toList();
            Run best = ofScheme.stream()
                    .max(Comparator.comparingDouble(Run::perSecond))
                    .orElseThrow();
            double cpuRatio = best.cpuMicros() / bareMicros;
            double p50Ratio = ofScheme.stream()
                    .filter(run -> run.clients() == 1)
                    .mapToDouble(run -> run.p50() / bareP50)
                    .findFirst()
                    .orElse(Double.NaN);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %,.0f (%d) | %.2f | %.0f | %.2f | %.2f | %.2f | %.2f | %s |%n",
                    scheme,
                    best.perSecond(),
                    best.clients(),
                    best.p99(),
                    best.cpuMicros(),
                    cpuRatio,
                    best.noJitMicros() / bareMicros,
                    capacity / best.perSecond(),
                    p50Ratio,
                    cpuRatio <= GOAL ? "met" : "missed");
        }
        System.out.printf(
                "%nCPU ratio: server CPU per assertion ÷ JVM CPU per bare signature. Throughput ratio: bare"
                        + " signatures/s in %d thread(s) ÷ best assertions/s. p50 ratio: median latency at 1 client"
                        + " ÷ bare median.%n",
                threads);
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
