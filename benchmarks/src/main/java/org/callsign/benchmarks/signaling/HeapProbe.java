package org.callsign.benchmarks.signaling;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server JVM's live heap and resident memory: {@code jcmd GC.run} (a full collection), then the used heap from
 * {@code jcmd GC.heap_info}, and {@code VmRSS} from {@code /proc/<pid>/status} (for any process).
 */
final class HeapProbe {
    /**
     * The "used" figure of a heap's or a generation's line, the ones with a "total": G1 has one ("garbage-first heap"),
     * Serial and Parallel one per generation. JDK 25 writes "total reserved …K, committed …K, used …K", JDK 17 "total
     * …K, used …K".
     */
    private static final Pattern USED = Pattern.compile("total [^\\n]*?used (\\d+)K");

    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final Path jcmd;
    private final long pid;

    HeapProbe(Path jcmd, long pid) {
        this.jcmd = jcmd;
        this.pid = pid;
    }

    /** Heap in use after a full GC, in bytes: the whole heap's, or the sum of its generations'. */
    long liveHeapBytes() {
        run("GC.run");
        run("GC.run");
        return usedKiB(run("GC.heap_info")) * 1024;
    }

    /** The heap's "used" figure in {@code jcmd GC.heap_info}'s output, summed over its generations, in KiB. */
    static long usedKiB(String heapInfo) {
        Matcher used = USED.matcher(heapInfo);
        long kib = 0;
        boolean found = false;
        while (used.find()) {
            kib += Long.parseLong(used.group(1));
            found = true;
        }
        if (!found) {
            throw new IllegalStateException("no heap figure in jcmd GC.heap_info");
        }
        return kib;
    }

    /** The resident set size of process {@code pid} ({@code VmRSS} in {@code /proc/<pid>/status}), in bytes. */
    static long residentBytes(long pid) {
        try {
            Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            if (!rss.find()) {
                throw new IllegalStateException("no VmRSS in /proc/" + pid + "/status");
            }
            return Long.parseLong(rss.group(1)) * 1024;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status", e);
        }
    }

    private String run(String command) {
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("jcmd " + command + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
