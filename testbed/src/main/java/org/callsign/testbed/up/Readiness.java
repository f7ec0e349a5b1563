package org.callsign.testbed.up;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Waits for servers launched together (so that they start in parallel) until each answers {@code /q/health/ready}.
 */
public final class Readiness {
    /** Between two rounds of probes: short, as a probe of a port not yet listening costs next to nothing. */
    static final long POLL_INTERVAL_MS = 20;

    private Readiness() {}

    /**
     * Waits until every server answers {@code /q/health/ready} with 200 over HTTPS ({@code https} trusts their CA);
     * fails at once when one exits, and after {@link ServerProcess#READY_TIMEOUT}, with the logs' tails.
     */
    public static void await(List<ServerProcess> processes, HttpClient https) throws InterruptedException {
        long deadline = System.nanoTime() + ServerProcess.READY_TIMEOUT.toNanos();
        List<ServerProcess> waiting = new ArrayList<>(processes);
        Map<String, String> lastProblem = new LinkedHashMap<>();
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                ServerProcess server = it.next();
                String problem = server.probe(https);
                if (problem.isEmpty()) {
                    it.remove();
                } else {
                    lastProblem.put(server.name(), problem);
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready within " + ServerProcess.READY_TIMEOUT + ": "
                        + waiting.stream()
                                .map(s -> s.name() + " (" + lastProblem.get(s.name()) + ")")
                                .toList()
                        + "\n" + tails(processes, 40));
            }
            Thread.sleep(POLL_INTERVAL_MS);
        }
    }

    /** The last {@code lines} lines of each server's log. */
    public static String tails(List<ServerProcess> processes, int lines) {
        return processes.stream().map(s -> s.tail(lines)).collect(Collectors.joining("\n"));
    }
}
