package org.callsign.benchmarks.signaling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.callsign.benchmarks.ChildProcesses;
import org.callsign.benchmarks.idp.ProcCpu;

/**
 * The relay load generator: for each number of connections and each relay named, starts the relay afresh, connects
 * that many devices (ten per client), measures the server's memory and idle CPU, then runs each offered load of
 * {@link RelayLevel} and reports messages per second, relay latency and server CPU; last, the tables, ratios and plots
 * ({@link RelayReport}, {@link RelayPlots}). Run by {@code benchmarks/run-signaling} (signaling-server alone) and
 * {@code benchmarks/run-relay-compare} (signaling-server, the PeerJS server and the bare Vert.x relay, one after the
 * other at the same loads, and on request signaling-server as a two-node cluster on Redis); their headers list the
 * settings.
 *
 * <p>Arguments, {@code key=value}: {@code servers} ({@code signaling-server}, {@code signaling-cluster}, {@code
 * peerjs}, {@code echo-floor}, comma-separated), {@code jar} (signaling-server's {@code quarkus-run.jar}), {@code java}
 * (the servers' JVM),
 * {@code peer} (the npm {@code peer} package directory), {@code results} (a directory), {@code prefix} (of the result
 * files), {@code connections} (e.g. {@code 1000,10000}), {@code rates} (messages per second, e.g. {@code
 * 1000,2000,4000}), {@code warmup} and {@code duration} (seconds per level), {@code prime} and {@code primeRate}
 * (an unmeasured load before the first level, seconds and messages per second; none by default), {@code serverFlags} (space-separated, for
 * both JVM servers), {@code confined} (how the relays were confined, for the set-up line; see {@link
 * ChildProcesses#start}).
 */
public final class RelayLoad {

    private RelayLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path java = Path.of(options.get("java"));
        Path results = Files.createDirectories(Path.of(options.get("results")));
        String prefix = options.getOrDefault("prefix", "signaling");
        List<String> servers =
                List.of(options.getOrDefault("servers", "signaling-server").split(","));
        int[] connections = ints(options.getOrDefault("connections", "1000,10000"));
        int[] rates = ints(options.getOrDefault("rates", "1000,2000,4000"));
        long warmUp = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("warmup", "5")));
        long duration = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("duration", "15")));
        RelayRun.Prime prime = new RelayRun.Prime(
                Integer.parseInt(options.getOrDefault("primeRate", "0")),
                TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("prime", "0"))));
        List<String> serverFlags =
                List.of(options.getOrDefault("serverFlags", "-Xms1g -Xmx1g").split(" "));
        Path node = servers.contains("peerjs") ? PeerJsServer.nodeOnPath() : null;
        Path peer = Path.of(options.getOrDefault("peer", "tools/node_modules/peer"));
        Path redis = servers.contains("signaling-cluster") ? SignalingCluster.redisBinary() : null;

        RelayReport report = new RelayReport(
                RelayReport.Setup.describe(java, serverFlags, node, redis, options.getOrDefault("confined", "")),
                rates);
        System.out.println("==> " + report.setup().caption());
        List<RelayRun.Outcome> outcomes = new ArrayList<>();
        for (int count : connections) {
            for (String server : servers) {
                Path log = results.resolve(prefix + "-" + server + "-" + count + ".log");
                try (RelayTarget relay =
                        switch (server) {
                            case "signaling-server" ->
                                SignalingServer.start(java, serverFlags, Path.of(options.get("jar")), log, count);
                            case "signaling-cluster" ->
                                SignalingCluster.start(java, serverFlags, Path.of(options.get("jar")), log, count);
                            case "peerjs" -> PeerJsServer.start(node, peer, log, count);
                            case "echo-floor" ->
                                EchoFloor.start(java, serverFlags, System.getProperty("java.class.path"), log);
                            default -> throw new IllegalArgumentException("no such relay: " + server);
                        }) {
                    outcomes.add(RelayRun.run(relay, count, rates, warmUp, duration, prime));
                } catch (Exception e) {
                    // One relay failing (PeerJS at 10,000 connections, say) is a result too: report it, go on.
                    System.out.printf("    %s with %,d connections failed: %s%n", server, count, e);
                    report.failed(server, count, e.toString());
                }
                report.write(outcomes, results, prefix);
            }
        }
        Files.writeString(results.resolve(prefix + "-summary.md"), report.markdown(outcomes));
        RelayPlots.write(outcomes, report.setup(), results, prefix);
        System.out.println(report.markdown(outcomes));
        System.out.println("==> load average now: " + ProcCpu.loadAverage());
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
