package org.callsign.testbed;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The four child JVMs of a {@link TwoDomains}: launched together, then waited for until each answers
 * {@code /q/health/ready}, so that they start in parallel.
 */
final class Servers implements AutoCloseable {
    private final List<ServerProcess> processes = new ArrayList<>();

    /**
     * Launches an idp-server and a signaling-server per domain, each with a working directory under
     * {@code directory} and a log {@code logDir/<idp|sig>-<a|b>.log}; the signaling servers also get
     * {@code signalingExtra}. Returns without waiting.
     */
    void launch(
            Path directory,
            Path logDir,
            Certificates certificates,
            Map<Domain, TwoDomains.Ports> ports,
            Map<String, Integer> connectTo,
            Map<Domain, String> adminSecrets,
            Map<String, String> signalingExtra)
            throws IOException {
        Path idpJar = jar("testbed.idp-server.jar", "../idp-server/target/quarkus-app/quarkus-run.jar");
        Path signalingJar =
                jar("testbed.signaling-server.jar", "../signaling-server/target/quarkus-app/quarkus-run.jar");
        String connectToValue = connectTo.entrySet().stream()
                .map(e -> e.getKey() + ":443=127.0.0.1:" + e.getValue())
                .collect(Collectors.joining(","));
        for (Domain domain : Domain.values()) {
            TwoDomains.Ports port = ports.get(domain);
            String idpName = "idp-" + domain.label();
            Path idpDir = Files.createDirectories(directory.resolve(idpName));
            processes.add(ServerProcess.launch(
                    idpName,
                    idpJar,
                    ServiceSettings.idp(
                            domain, port.idp(), certificates.issue(domain.idpHost()), idpDir.resolve("data")),
                    Map.of(),
                    idpDir,
                    logDir.resolve(idpName + ".log"),
                    port.idp()));

            String sigName = "sig-" + domain.label();
            Path sigDir = Files.createDirectories(directory.resolve(sigName));
            Map<String, String> properties = ServiceSettings.signaling(
                    domain,
                    port.signaling(),
                    certificates.issue(domain.signalingHost()),
                    sigDir.resolve("data"),
                    adminSecrets.get(domain));
            properties.putAll(ServiceSettings.signalingFederation(certificates.caPem(), connectToValue));
            properties.putAll(signalingExtra);
            processes.add(ServerProcess.launch(
                    sigName,
                    signalingJar,
                    properties,
                    Map.of(),
                    sigDir,
                    logDir.resolve(sigName + ".log"),
                    port.signaling()));
        }
    }

    /**
     * Waits until every server answers {@code /q/health/ready} with 200 over HTTPS ({@code https} trusts the CA);
     * fails at once when one exits, and after {@link ServerProcess#READY_TIMEOUT}, with the logs' tails.
     */
    void awaitReady(HttpClient https) throws InterruptedException {
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
                        + "\n" + tails(40));
            }
            Thread.sleep(100);
        }
    }

    /** The last {@code lines} lines of each server's log. */
    String tails(int lines) {
        return processes.stream().map(s -> s.tail(lines)).collect(Collectors.joining("\n"));
    }

    /** Stops the servers in parallel. */
    @Override
    public void close() {
        processes.parallelStream().forEach(ServerProcess::close);
    }

    private static Path jar(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }
}
