package org.callsign.testbed.up;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Waits for servers launched together (so that they start in parallel) until each is ready: until it answers
 * {@code /q/health/ready} over HTTPS (the testbed's harness), or until it has written its ready file
 * ({@code ./callsign up}, which so needs no HTTPS client and costs the cold services no TLS handshake).
 */
public final class Readiness {
    /** Between two rounds of probes: short, as a probe of a port not yet listening costs next to nothing. */
    static final long POLL_INTERVAL_MS = 20;

    /** Between two rounds of ready-file checks: a file lookup costs less still. */
    static final long FILE_POLL_INTERVAL_MS = 10;

    /** One check of one server: empty when it is ready, else why not; throws when it never will be. */
    @FunctionalInterface
    private interface Check {
        String problem(ServerProcess server) throws InterruptedException;
    }

    private Readiness() {}

    /**
     * Waits until every server answers {@code /q/health/ready} with 200 over HTTPS ({@code https} trusts their CA);
     * fails at once when one exits, and after {@link ServerProcess#READY_TIMEOUT}, with the logs' tails.
     */
    public static void await(List<ServerProcess> processes, HttpClient https) throws InterruptedException {
        await(processes, server -> server.probe(https), POLL_INTERVAL_MS, ServerProcess.READY_TIMEOUT);
    }

    /**
     * Waits until every server has written its ready file ({@code readyFiles}, in launch order) with its own pid
     * ({@link ServerProcess#readyFileProblem}); fails at once when one exits, and after
     * {@link ServerProcess#READY_TIMEOUT}, with the logs' tails.
     */
    public static void awaitReadyFiles(Map<ServerProcess, Path> readyFiles) throws InterruptedException {
        awaitReadyFiles(readyFiles, ServerProcess.READY_TIMEOUT);
    }

    static void awaitReadyFiles(Map<ServerProcess, Path> readyFiles, Duration timeout) throws InterruptedException {
        await(
                List.copyOf(readyFiles.keySet()),
                server -> server.readyFileProblem(readyFiles.get(server)),
                FILE_POLL_INTERVAL_MS,
                timeout);
    }

    private static void await(List<ServerProcess> processes, Check check, long intervalMs, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServerProcess> waiting = new ArrayList<>(processes);
        Map<String, String> lastProblem = new LinkedHashMap<>();
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                ServerProcess server = it.next();
                String problem = check.problem(server);
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
                throw new IllegalStateException("not ready within " + timeout + ": "
                        + waiting.stream()
                                .map(s -> s.name() + " (" + lastProblem.get(s.name()) + ")")
                                .toList()
                        + "\n" + tails(processes, 40));
            }
            Thread.sleep(intervalMs);
        }
    }

    /** The last {@code lines} lines of each server's log. */
    public static String tails(List<ServerProcess> processes, int lines) {
        return processes.stream().map(s -> s.tail(lines)).collect(Collectors.joining("\n"));
    }
}
