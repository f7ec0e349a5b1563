package org.callsign.benchmarks.signaling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callsign.benchmarks.ChildProcesses;

/**
 * The relay runs as files: {@code <prefix>-load.tsv} (one row per relay, connections and offered load),
 * {@code <prefix>-memory.tsv}, and a Markdown summary with the ratios the comparison is for: signaling-server against
 * the PeerJS server (throughput at the knee, p99 at equal offered loads), against the bare relay (the floor), and
 * against itself as a two-node cluster (what crossing nodes costs).
 */
final class RelayReport {
    /** A relay sustains a load when it delivers at least this share of it… */
    static final double SUSTAINED_SHARE = 0.99;

    /** …with a p99 no higher than this, in milliseconds. */
    static final double SUSTAINED_P99_MILLIS = 50;

    /**
     * Where the figures were measured, for every table and plot.
     *
     * @param machine cores, CPU model, memory, kernel
     * @param jdk the JVM servers' runtime and flags
     * @param node the Node.js version, or empty where no Node server ran
     * @param redis the cluster's Redis version and durability, or empty where no cluster ran
     */
    record Setup(String machine, String jdk, String node, String redis) {

        /**
         * The machine (all its cores, though the load generator may be confined to fewer), the servers' JDK and flags,
         * Node and Redis; {@code confined} says how the relays were confined, if they were (empty if not).
         */
        static Setup describe(Path java, List<String> serverFlags, Path node, Path redis, String confined)
                throws IOException, InterruptedException {
            List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
            String cpu = cpuinfo.stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
            long cores = cpuinfo.stream()
                    .filter(line -> line.startsWith("processor"))
                    .count();
            long memoryKiB = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0L);
            String machine = String.format(
                    "%d cores %s, %d GiB, Linux %s%s",
                    cores,
                    cpu,
                    Math.round(memoryKiB / 1048576.0),
                    System.getProperty("os.version"),
                    confined.isEmpty() ? "" : ", " + confined);
            String jdk = version(java.toString(), "-version") + " " + String.join(" ", serverFlags);
            return new Setup(
                    machine,
                    jdk,
                    node == null ? "" : "Node " + PeerJsServer.version(node),
                    redis == null ? "" : "Redis " + SignalingCluster.redisVersion(redis) + " (appendfsync always)");
        }

        /** One line: machine; JDK and flags; Node; Redis. */
        String caption() {
            return machine + "; " + jdk + (node.isEmpty() ? "" : "; " + node) + (redis.isEmpty() ? "" : "; " + redis);
        }

        private static String version(String... command) throws IOException, InterruptedException {
            List<String> lines = ChildProcesses.output(command).lines().toList();
            // "OpenJDK Runtime Environment Temurin-25+36 (build 25+36-LTS)": the runtime and its build.
            return lines.size() > 1 ? lines.get(1).trim() : String.join(" ", lines);
        }
    }

    /** The load table's columns. */
    static final List<String> COLUMNS = List.of(
            "server",
            "connections",
            "offered",
            "sent",
            "delivered",
            "p50_ms",
            "p99_ms",
            "max_ms",
            "max_lag_ms",
            "server_cores",
            "server_us_per_msg",
            "undelivered",
            "errors",
            "load1");

    private final Setup setup;
    private final int[] rates;
    private final List<String> failures = new ArrayList<>();

    RelayReport(Setup setup, int[] rates) {
        this.setup = setup;
        this.rates = rates.clone();
    }

    Setup setup() {
        return setup;
    }

    /** Notes a relay that could not be measured at {@code connections}. */
    void failed(String server, int connections, String why) {
        failures.add(String.format("%s with %,d connections: %s", server, connections, why));
    }

    /** Writes the two tables so far. */
    void write(List<RelayRun.Outcome> outcomes, Path directory, String prefix) throws IOException {
        StringBuilder load = new StringBuilder(String.join("\t", COLUMNS) + "\n");
        StringBuilder memory = new StringBuilder(
                "server\tconnections\theap_before\theap_after\trss_before\trss_after" + "\tidle_cores\tconnect_s\n");
        for (RelayRun.Outcome outcome : outcomes) {
            RelayRun.Memory m = outcome.memory();
            memory.append(String.format(
                    "%s\t%d\t%d\t%d\t%d\t%d\t%.4f\t%.1f%n",
                    outcome.server(),
                    outcome.connections(),
                    m.heapBefore(),
                    m.heapAfter(),
                    m.rssBefore(),
                    m.rssAfter(),
                    m.idleCores(),
                    m.connectSeconds()));
            for (RelayRun.Level level : outcome.levels()) {
                load.append(String.join("\t", cells(outcome, level))).append('\n');
            }
        }
        Files.writeString(directory.resolve(prefix + "-load.tsv"), load);
        Files.writeString(directory.resolve(prefix + "-memory.tsv"), memory);
    }

    /** The summary: set-up, then per number of connections the relays side by side and the ratios. */
    String markdown(List<RelayRun.Outcome> outcomes) {
        StringBuilder md = new StringBuilder("# Relay comparison\n\n");
        md.append("Set-up: ").append(setup.caption()).append(".\n\n");
        outcomes.stream().map(RelayRun.Outcome::connections).distinct().forEach(count -> {
            List<RelayRun.Outcome> runs = outcomes.stream()
                    .filter(outcome -> outcome.connections() == count)
                    .toList();
            md.append(String.format("## %,d connections%n%n", count));
            md.append(
                    "| relay | heap per connection | RSS per connection | idle CPU (cores) |\n|---|---:|---:|---:|\n");
            for (RelayRun.Outcome run : runs) {
                RelayRun.Memory m = run.memory();
                md.append(String.format(
                        "| %s | %.1f KiB | %.1f KiB | %.3f |%n",
                        run.server(),
                        (m.heapAfter() - m.heapBefore()) / 1024.0 / count,
                        (m.rssAfter() - m.rssBefore()) / 1024.0 / count,
                        m.idleCores()));
            }
            md.append("\n| ").append(String.join(" | ", COLUMNS)).append(" |\n|---|");
            md.append("---:|".repeat(COLUMNS.size() - 1)).append('\n');
            for (RelayRun.Outcome run : runs) {
                for (RelayRun.Level level : run.levels()) {
                    md.append("| ")
                            .append(String.join(" | ", cells(run, level)))
                            .append(" |\n");
                }
            }
            md.append('\n').append(ratios(runs));
        });
        if (!failures.isEmpty()) {
            md.append("Not measured:\n\n");
            failures.forEach(failure -> md.append("- ").append(failure).append('\n'));
            md.append('\n');
        }
        return md.toString();
    }

    private String ratios(List<RelayRun.Outcome> runs) {
        Optional<RelayRun.Outcome> ours = find(runs, "signaling-server");
        if (ours.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder(String.format(
                "Sustained load (delivered ≥ %.0f %% of the offered load, p99 ≤ %.0f ms): %s.%n%n",
                SUSTAINED_SHARE * 100,
                SUSTAINED_P99_MILLIS,
                String.join(
                        ", ",
                        runs.stream()
                                .map(run -> run.server() + " " + describe(sustained(run), run))
                                .toList())));
        for (String other : List.of("peerjs", "echo-floor", "signaling-cluster")) {
            Optional<RelayRun.Outcome> theirs = find(runs, other);
            if (theirs.isEmpty()) {
                continue;
            }
            md.append(String.format(
                    "signaling-server ÷ %s:%n%n| offered msg/s | delivered ratio | p99 ratio | server CPU per message"
                            + " ratio |%n|---:|---:|---:|---:|%n",
                    other));
            for (int rate : rates) {
                Optional<RelayRun.Level> a = level(ours.get(), rate);
                Optional<RelayRun.Level> b = level(theirs.get(), rate);
                if (a.isPresent() && b.isPresent()) {
                    RelayLevel.Result x = a.get().result();
                    RelayLevel.Result y = b.get().result();
                    md.append(String.format(
                            "| %,d | %.2f | %.2f | %.2f |%n",
                            rate,
                            x.delivered() / y.delivered(),
                            x.p99() / y.p99(),
                            x.serverMicrosPerMessage() / y.serverMicrosPerMessage()));
                }
            }
            int mine = sustained(ours.get());
            int other2 = sustained(theirs.get());
            md.append(String.format(
                    "%nSustained load ratio: %s%n%n",
                    mine > 0 && other2 > 0 ? String.format("%.2f", mine / (double) other2) : "n/a"));
        }
        return md.toString();
    }

    /** One level's row, as {@link #COLUMNS} name it; latencies in milliseconds, the load average over 1 minute. */
    private static List<String> cells(RelayRun.Outcome run, RelayRun.Level level) {
        RelayLevel.Result r = level.result();
        return List.of(
                run.server(),
                Integer.toString(run.connections()),
                Integer.toString(level.offered()),
                String.format("%.0f", r.sent()),
                String.format("%.0f", r.delivered()),
                String.format("%.3f", r.p50()),
                String.format("%.3f", r.p99()),
                String.format("%.3f", r.max()),
                String.format("%.1f", r.maxLagMillis()),
                String.format("%.3f", r.serverCores()),
                String.format("%.1f", r.serverMicrosPerMessage()),
                Long.toString(r.undelivered()),
                r.errors().isEmpty() ? "{}" : r.errors().toString(),
                level.loadAverage().split(" ")[0]);
    }

    /** The highest offered load the relay sustained, or 0. */
    static int sustained(RelayRun.Outcome run) {
        int best = 0;
        for (RelayRun.Level level : run.levels()) {
            RelayLevel.Result r = level.result();
            if (r.delivered() >= SUSTAINED_SHARE * level.offered() && r.p99() <= SUSTAINED_P99_MILLIS) {
                best = Math.max(best, level.offered());
            }
        }
        return best;
    }

    private String describe(int sustained, RelayRun.Outcome run) {
        if (sustained == 0) {
            return "none of the levels";
        }
        boolean highest = sustained == run.levels().get(run.levels().size() - 1).offered();
        return String.format("%s%,d msg/s", highest ? "≥ " : "", sustained);
    }

    private static Optional<RelayRun.Outcome> find(List<RelayRun.Outcome> runs, String server) {
        return runs.stream().filter(run -> run.server().equals(server)).findFirst();
    }

    private static Optional<RelayRun.Level> level(RelayRun.Outcome run, int rate) {
        return run.levels().stream().filter(level -> level.offered() == rate).findFirst();
    }
}
