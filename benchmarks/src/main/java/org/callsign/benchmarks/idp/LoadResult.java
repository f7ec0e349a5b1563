package org.callsign.benchmarks.idp;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one closed-loop run measured.
 *
 * @param scheme {@code https} or {@code http}
 * @param clients concurrent clients
 * @param measured the measured interval
 * @param latencies the latency of every request started in the measured interval, in nanoseconds, sorted
 * @param errors answers that were not an assertion, and failed exchanges, warm-up included
 * @param firstError the first of those, or {@code null}
 * @param connects connections opened (equal to {@code clients} when every connection was kept alive)
 * @param serverCpuNanos the server JVM's CPU time during the measured interval
 * @param serverCpuByThread that time by thread kind, with the user and system split ({@link ProcCpu.Snapshot#since})
 * @param clientCpuNanos the load generator's CPU time during the measured interval
 * @param loadAverage {@code /proc/loadavg} at the end of the measured interval (1, 5 and 15 minutes)
 */
record LoadResult(
        String scheme,
        int clients,
        Duration measured,
        long[] latencies,
        long errors,
        String firstError,
        long connects,
        long serverCpuNanos,
        Map<String, Long> serverCpuByThread,
        long clientCpuNanos,
        String loadAverage) {

    /** Column names of {@link #tsv()}. */
    static final String TSV_HEADER =
            "scheme\tclients\tseconds\trequests\tper_second\tp50_ms\tp99_ms\tp999_ms\tmax_ms\terrors\tconnects"
                    + "\tserver_cpu_us\tserver_cpu_without_jit_us\tclient_cpu_us\tloadavg";

    /** Assertions per second over the measured interval. */
    double perSecond() {
        return latencies.length / (measured.toNanos() / 1e9);
    }

    /** The {@code p}-quantile (0 < p ≤ 1) of the latencies in milliseconds, nearest rank. */
    double percentileMillis(double p) {
        if (latencies.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * latencies.length);
        return latencies[Math.max(0, Math.min(latencies.length, rank) - 1)] / 1e6;
    }

    /** The server's CPU time per assertion, in microseconds. */
    double serverCpuMicrosPerAssertion() {
        return latencies.length == 0 ? Double.NaN : serverCpuNanos / 1e3 / latencies.length;
    }

    /**
     * The server's CPU time per assertion without its JIT compiler threads ({@code C1 CompilerThread*},
     * {@code C2 CompilerThread*}), in microseconds: what a warm-up long enough for the JIT to finish approaches.
     */
    double serverCpuWithoutJitMicrosPerAssertion() {
        long jit = serverCpuByThread.entrySet().stream()
                .filter(entry -> entry.getKey().matches("C[12] CompilerThre.*"))
                .mapToLong(Map.Entry::getValue)
                .sum();
        return latencies.length == 0 ? Double.NaN : (serverCpuNanos - jit) / 1e3 / latencies.length;
    }

    /** The load generator's CPU time per assertion, in microseconds. */
    double clientCpuMicrosPerAssertion() {
        return latencies.length == 0 ? Double.NaN : clientCpuNanos / 1e3 / latencies.length;
    }

    /** The server's CPU time per assertion by thread kind, in microseconds, the largest first. */
    String serverCpuBreakdown() {
        return serverCpuByThread.entrySet().stream()
                .filter(entry -> entry.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> String.format(
                        Locale.ROOT, "%s %.0f", entry.getKey(), entry.getValue() / 1e3 / latencies.length))
                .collect(Collectors.joining(", "));
    }

    /** One line of tab-separated values, in the order of {@link #TSV_HEADER}. */
    String tsv() {
        return String.format(
                Locale.ROOT,
                "%s\t%d\t%d\t%d\t%.1f\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%.1f\t%.1f\t%.1f\t%s",
                scheme,
                clients,
                measured.toSeconds(),
                latencies.length,
                perSecond(),
                percentileMillis(0.50),
                percentileMillis(0.99),
                percentileMillis(0.999),
                percentileMillis(1.0),
                errors,
                connects,
                serverCpuMicrosPerAssertion(),
                serverCpuWithoutJitMicrosPerAssertion(),
                clientCpuMicrosPerAssertion(),
                loadAverage);
    }

    /** One row of the Markdown table {@link AssertionLoad} prints. */
    String markdownRow() {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %,.0f | %.2f | %.2f | %.2f | %.1f | %d | %.0f | %.0f | %.0f | %s |",
                scheme,
                clients,
                perSecond(),
                percentileMillis(0.50),
                percentileMillis(0.99),
                percentileMillis(0.999),
                percentileMillis(1.0),
                errors,
                serverCpuMicrosPerAssertion(),
                serverCpuWithoutJitMicrosPerAssertion(),
                clientCpuMicrosPerAssertion(),
                loadAverage);
    }

    /** The header of {@link #markdownRow()}. */
    static String markdownHeader() {
        return "| scheme | clients | assertions/s | p50 (ms) | p99 (ms) | p99.9 (ms) | max (ms) | errors"
                + " | server CPU/assertion (µs) | without JIT (µs) | client CPU/assertion (µs)"
                + " | load avg (1, 5, 15 min) |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|";
    }
}
