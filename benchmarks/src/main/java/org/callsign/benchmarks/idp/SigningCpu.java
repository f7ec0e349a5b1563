package org.callsign.benchmarks.idp;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The CPU time of one bare signature, the denominator of the load test's fairest ratio. JMH reports wall-clock time,
 * which on a shared machine with two cores also counts the time the measuring thread waits for a core; CPU time does
 * not. This runs {@link SigningBenchmark}'s methods in a loop, after a warm-up, and reads the thread's CPU time
 * ({@link ThreadMXBean}) and the whole JVM's ({@link ProcCpu}, as the load test reads the server's) around a measured
 * interval.
 *
 * <p>Usage: {@code SigningCpu <out.tsv> [warm-up seconds, default 20] [measured seconds, default 8]}: a warm-up of
 * all methods in turns, then each method 2 s more and measured.
 */
public final class SigningCpu {
    /** Column names of the TSV. */
    static final String TSV_HEADER = "benchmark\tcalls\twall_us\tthread_cpu_us\tprocess_cpu_us";

    /** The warm-up of each variant alone, after the shared warm-up and just before it is measured. */
    private static final long OWN_WARM_UP_NANOS = 2_000_000_000L;

    /** The results' lengths, summed and kept, so that no call can be optimised away. */
    private static volatile long sink;

    private SigningCpu() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: SigningCpu <out.tsv> [warm-up seconds] [measured seconds]");
            System.exit(2);
        }
        long warmUpNanos = (args.length > 1 ? Long.parseLong(args[1]) : 20) * 1_000_000_000L;
        long measuredNanos = (args.length > 2 ? Long.parseLong(args[2]) : 8) * 1_000_000_000L;
        SigningBenchmark benchmark = new SigningBenchmark();
        benchmark.setUp();
        Map<String, Callable<Object>> variants = new LinkedHashMap<>();
        variants.put("signEs256", benchmark::signEs256);
        variants.put("signEs256AsIdp", benchmark::signEs256AsIdp);
        variants.put("signEdDsa", benchmark::signEdDsa);
        // The variants share most of their code: warm them up together, one-second turns each, then each alone.
        long warmUpEnd = System.nanoTime() + warmUpNanos;
        while (System.nanoTime() < warmUpEnd) {
            for (Callable<Object> variant : variants.values()) {
                sink += loop(variant, System.nanoTime() + 1_000_000_000L)[0];
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> lines = new ArrayList<>(List.of(TSV_HEADER));
        System.out.println("| benchmark | calls | wall (µs/call) | thread CPU (µs/call) | JVM CPU (µs/call) |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Map.Entry<String, Callable<Object>> entry : variants.entrySet()) {
            String name = entry.getKey();
            Callable<Object> variant = entry.getValue();
            sink += loop(variant, System.nanoTime() + OWN_WARM_UP_NANOS)[0];
            long wall = System.nanoTime();
            long thread = threads.getCurrentThreadCpuTime();
            long process = ProcCpu.ofSelf();
            long[] measured = loop(variant, wall + measuredNanos);
            long calls = measured[1];
            double wallMicros = (System.nanoTime() - wall) / 1e3 / calls;
            double threadMicros = (threads.getCurrentThreadCpuTime() - thread) / 1e3 / calls;
            double processMicros = (ProcCpu.ofSelf() - process) / 1e3 / calls;
            lines.add(String.format(
                    Locale.ROOT, "%s\t%d\t%.1f\t%.1f\t%.1f", name, calls, wallMicros, threadMicros, processMicros));
            System.out.printf(
                    Locale.ROOT,
                    "| `%s` | %,d | %.0f | %.0f | %.0f |%n",
                    name,
                    calls,
                    wallMicros,
                    threadMicros,
                    processMicros);
            sink += measured[0];
        }
        Files.write(Path.of(args[0]), lines);
    }

    /** Calls {@code variant} until {@code deadline}; returns the summed lengths of the results and the calls made. */
    private static long[] loop(Callable<Object> variant, long deadline) throws Exception {
        long lengths = 0;
        long calls = 0;
        while (System.nanoTime() < deadline) {
            Object result = variant.call();
            lengths += result instanceof byte[] bytes
                    ? bytes.length
                    : result.toString().length();
            calls++;
        }
        return new long[] {lengths, calls};
    }
}
