package org.callsign.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Summarises a JMH JSON result file ({@code -rf json}) as a Markdown table: per benchmark its throughput
 * and its sampled latencies (mean, p50, p99), then the ratio of {@code verifyWarm} to {@code bareJwsVerify} and, where
 * JMH ran several forks, each fork's mean: JVMs of one benchmark can settle at different speeds.
 *
 * <p>Usage: {@code BenchmarkReport <jmh-result.json>}.
 */
public final class BenchmarkReport {
    private static final String SANDBOX = "verifyWarm";
    private static final String BARE = "bareJwsVerify";
    /** Rows in this order; benchmarks not named here follow, in the order JMH ran them. */
    private static final List<String> ORDER =
            List.of(SANDBOX, BARE, "sandboxCallFloor", "verifyWarmFetchingJwks", "coldFirstContact", "coldScriptFetch");

    private BenchmarkReport() {}

    /** What JMH measured for one benchmark method; {@code NaN} where a mode was not run. */
    private static final class Row {
        double opsPerSecond = Double.NaN;
        double meanMillis = Double.NaN;
        double p50Millis = Double.NaN;
        double p99Millis = Double.NaN;
        long samples;
        /** The mean of each fork's samples, in ms. */
        final List<Double> forkMeanMillis = new ArrayList<>();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: BenchmarkReport <jmh-result.json>");
            System.exit(2);
        }
        JsonNode results = new ObjectMapper().readTree(new File(args[0]));
        if (results.isEmpty()) {
            System.out.println("(no results)");
            return;
        }
        JsonNode first = results.get(0);
        System.out.printf(
                "JDK %s, %s %s; JVM flags: %s%n%n",
                first.path("jdkVersion").asText(),
                first.path("vmName").asText(),
                first.path("vmVersion").asText(),
                String.join(" ", new ObjectMapper().convertValue(first.path("jvmArgs"), String[].class)));
        Map<String, Row> rows = rows(results);
        System.out.println("| benchmark | throughput (ops/s) | mean (ms) | p50 (ms) | p99 (ms) | samples |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        rows.forEach((name, row) -> System.out.printf(
                Locale.ROOT,
                "| `%s` | %s | %s | %s | %s | %d |%n",
                name,
                format(row.opsPerSecond),
                format(row.meanMillis),
                format(row.p50Millis),
                format(row.p99Millis),
                row.samples));
        Row sandbox = rows.get(SANDBOX);
        Row bare = rows.get(BARE);
        if (sandbox != null && bare != null) {
            System.out.printf(
                    Locale.ROOT,
                    "%n%s / %s: %s by throughput, %s by the mean, %s at p50, %s at p99%n",
                    SANDBOX,
                    BARE,
                    ratio(bare.opsPerSecond, sandbox.opsPerSecond),
                    ratio(sandbox.meanMillis, bare.meanMillis),
                    ratio(sandbox.p50Millis, bare.p50Millis),
                    ratio(sandbox.p99Millis, bare.p99Millis));
        }
        rows.forEach((name, row) -> {
            if (row.forkMeanMillis.size() > 1) {
                System.out.printf(
                        "%nmean of each fork (ms), `%s`: %s",
                        name,
                        String.join(
                                ", ",
                                row.forkMeanMillis.stream()
                                        .map(BenchmarkReport::format)
                                        .toList()));
            }
        });
        System.out.println();
    }

    private static String ratio(double numerator, double denominator) {
        return format(numerator / denominator);
    }

    private static Map<String, Row> rows(JsonNode results) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String name : ORDER) {
            for (JsonNode result : results) {
                if (result.path("benchmark").asText().endsWith("." + name)) {
                    rows.put(name, new Row());
                    break;
                }
            }
        }
        for (JsonNode result : results) {
            String benchmark = result.path("benchmark").asText();
            Row row = rows.computeIfAbsent(benchmark.substring(benchmark.lastIndexOf('.') + 1), name -> new Row());
            JsonNode metric = result.path("primaryMetric");
            double toMillis = millisPer(metric.path("scoreUnit").asText());
            switch (result.path("mode").asText()) {
                case "thrpt" -> row.opsPerSecond = metric.path("score").asDouble() / toMillis * 1000;
                case "sample" -> {
                    row.meanMillis = metric.path("score").asDouble() * toMillis;
                    row.p50Millis = metric.path("scorePercentiles").path("50.0").asDouble() * toMillis;
                    row.p99Millis = metric.path("scorePercentiles").path("99.0").asDouble() * toMillis;
                    long samples = 0;
                    // rawDataHistogram: forks, then iterations, then [value, count] buckets.
                    for (JsonNode fork : metric.path("rawDataHistogram")) {
                        long forkSamples = 0;
                        double forkSum = 0;
                        for (JsonNode iteration : fork) {
                            for (JsonNode bucket : iteration) {
                                forkSamples += bucket.path(1).asLong();
                                forkSum += bucket.path(0).asDouble()
                                        * bucket.path(1).asLong();
                            }
                        }
                        samples += forkSamples;
                        if (forkSamples > 0) {
                            row.forkMeanMillis.add(forkSum / forkSamples * toMillis);
                        }
                    }
                    row.samples = samples;
                }
                default -> {
                    // Other modes are not summarised.
                }
            }
        }
        return rows;
    }

    /** Milliseconds in the time unit of a JMH score unit such as {@code ops/ms} or {@code us/op}. */
    private static double millisPer(String scoreUnit) {
        String unit = scoreUnit.startsWith("ops/") ? scoreUnit.substring(4) : scoreUnit.replace("/op", "");
        return switch (unit) {
            case "ns" -> 1e-6;
            case "us" -> 1e-3;
            case "ms" -> 1;
            case "s" -> 1000;
            default -> throw new IllegalArgumentException("unknown JMH unit " + scoreUnit);
        };
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
