package org.callsign.benchmarks.idp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of a process, all its threads, user plus system, from {@code /proc/<pid>/stat} (Linux, proc(5): fields 14
 * {@code utime} and 15 {@code stime}, in clock ticks). The load generator reads the server's before and after a
 * measured interval: on a machine with few cores the client competes with the server, so CPU time per request is a
 * fairer cost than requests per second.
 */
public final class ProcCpu {
    /** {@code sysconf(_SC_CLK_TCK)}: 100 on every Linux architecture the JDK runs on. */
    private static final long TICKS_PER_SECOND = 100;

    private static final int UTIME = 14;

    private ProcCpu() {}

    /** The CPU time of process {@code pid} so far, in nanoseconds (10 ms resolution). */
    public static long ofProcess(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /** The CPU time of this JVM so far, in nanoseconds. */
    public static long ofSelf() {
        return ofProcess(ProcessHandle.current().pid());
    }

    /** The 1-, 5- and 15-minute load averages, as {@code /proc/loadavg} gives them. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The user and system time of a process and the CPU time of each of its live threads, at one moment.
     *
     * @param user the process's user time, in nanoseconds
     * @param system the process's system time, in nanoseconds
     * @param threads thread id to its name ({@code comm}, at most 15 characters) and CPU time in nanoseconds
     */
    record Snapshot(long user, long system, Map<Long, Map.Entry<String, Long>> threads) {

        /**
         * The CPU time spent since {@code before}, by thread kind: names with their numbers cut off, so that {@code
         * GC Thread#0} and {@code GC Thread#1} add up; threads that started in between count from zero, and the time
         * of threads that ended in between, lost with them, is the remainder {@code (ended threads)}. Then {@code
         * (user)} and {@code (system)}, the process's split.
         */
        Map<String, Long> since(Snapshot before) {
            Map<String, Long> kinds = new TreeMap<>();
            long attributed = 0;
            for (Map.Entry<Long, Map.Entry<String, Long>> thread : threads.entrySet()) {
                Map.Entry<String, Long> earlier = before.threads.get(thread.getKey());
                long delta = thread.getValue().getValue() - (earlier == null ? 0 : earlier.getValue());
                attributed += delta;
                kinds.merge(thread.getValue().getKey().replaceAll("[-#]?\\d+$", "*"), delta, Long::sum);
            }
            long total = user + system - before.user - before.system;
            kinds.put("(ended threads)", total - attributed);
            kinds.put("(user)", user - before.user);
            kinds.put("(system)", system - before.system);
            return kinds;
        }
    }

    /** The CPU time of process {@code pid} and of each of its threads, now. */
    static Snapshot snapshot(long pid) {
        Map<Long, Map.Entry<String, Long>> threads = new TreeMap<>();
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path thread : list.toList()) {
                try {
                    String text = Files.readString(thread.resolve("stat"));
                    String name = text.substring(text.indexOf('(') + 1, text.lastIndexOf(')'));
                    long[] times = times(text);
                    threads.put(Long.parseLong(thread.getFileName().toString()), Map.entry(name, times[0] + times[1]));
                } catch (IOException e) {
                    // The thread ended.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + tasks, e);
        }
        long[] process = times(readStat(Path.of("/proc", Long.toString(pid), "stat")));
        return new Snapshot(process[0], process[1], threads);
    }

    private static long read(Path stat) {
        long[] times = times(readStat(stat));
        return times[0] + times[1];
    }

    private static String readStat(Path stat) {
        try {
            return Files.readString(stat);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat, e);
        }
    }

    /** User and system time in nanoseconds from the text of a {@code stat} file. */
    private static long[] times(String text) {
        // Field 2, the command name, is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        long nanosPerTick = 1_000_000_000L / TICKS_PER_SECOND;
        return new long[] {
            Long.parseLong(fields[UTIME - 3]) * nanosPerTick, Long.parseLong(fields[UTIME - 2]) * nanosPerTick
        };
    }
}
