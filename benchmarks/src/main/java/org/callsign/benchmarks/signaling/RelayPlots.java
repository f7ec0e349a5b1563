package org.callsign.benchmarks.signaling;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.callsign.benchmarks.plot.LineChart;

/**
 * The comparison's figures, for each number of connections: messages delivered per second against messages offered
 * (with the offered load itself as a dashed line), and p50 (dashed) and p99 (solid) relay latency against the offered
 * load on a log scale; one colour per relay, the set-up as the caption.
 */
final class RelayPlots {
    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    private static final List<String> ORDER = List.of("signaling-server", "peerjs", "echo-floor", "signaling-cluster");

    private RelayPlots() {}

    /** Writes {@code <prefix>-<connections>-throughput.png} and {@code …-latency.png} into {@code directory}. */
    static void write(List<RelayRun.Outcome> outcomes, RelayReport.Setup setup, Path directory, String prefix)
            throws IOException {
        TreeSet<Integer> counts = new TreeSet<>();
        outcomes.forEach(outcome -> counts.add(outcome.connections()));
        for (int count : counts) {
            String connections = String.format("%,d connections", count);
            LineChart throughput = new LineChart(
                    "Relay throughput, " + connections,
                    setup.caption(),
                    "offered load (messages/s)",
                    "delivered (messages/s)",
                    false);
            LineChart latency = new LineChart(
                    "Relay latency, " + connections + " (p50 dashed, p99 solid)",
                    setup.caption(),
                    "offered load (messages/s)",
                    "latency (ms, log scale)",
                    true);
            double[] offeredLine = null;
            for (RelayRun.Outcome outcome : outcomes) {
                if (outcome.connections() != count) {
                    continue;
                }
                int colour = Math.max(0, ORDER.indexOf(outcome.server()));
                double[] offered = column(outcome, Column.OFFERED);
                offeredLine = offered;
                throughput.series(outcome.server(), colour, false, offered, column(outcome, Column.DELIVERED));
                latency.series(outcome.server() + " p50", colour, true, offered, column(outcome, Column.P50));
                latency.series(outcome.server() + " p99", colour, false, offered, column(outcome, Column.P99));
            }
            if (offeredLine != null) {
                throughput.series("offered", LineChart.GREY, true, offeredLine, offeredLine);
            }
            throughput.write(directory.resolve(prefix + "-" + count + "-throughput.png"), WIDTH, HEIGHT);
            latency.write(directory.resolve(prefix + "-" + count + "-latency.png"), WIDTH, HEIGHT);
        }
    }

    private enum Column {
        OFFERED,
        DELIVERED,
        P50,
        P99
    }

    private static double[] column(RelayRun.Outcome outcome, Column column) {
        return outcome.levels().stream()
                .mapToDouble(level -> switch (column) {
                    case OFFERED -> level.offered();
                    case DELIVERED -> level.result().delivered();
                    case P50 -> level.result().p50();
                    case P99 -> level.result().p99();
                })
                .toArray();
    }
}
