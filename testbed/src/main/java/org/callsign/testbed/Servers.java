package org.callsign.testbed;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.callsign.testbed.up.Readiness;
import org.callsign.testbed.up.ServerProcess;
import org.callsign.testbed.up.ServiceSettings;

/**
 * The four child JVMs of a {@link TwoDomains}: launched together, then waited for until each answers
 * {@code /q/health/ready}, so that they start in parallel.
 */
final class Servers implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";

    private final List<ServerProcess> processes = new ArrayList<>();
    private final Map<Domain, Map<String, String>> signalingProperties = new java.util.EnumMap<>(Domain.class);
    private Path signalingJar;

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
            Map<String, String> signalingExtra,
            Map<String, String> clusterB)
            throws IOException {
        Path idpJar = jar("testbed.idp-server.jar", "../idp-server/target/quarkus-app/quarkus-run.jar");
        signalingJar = jar("testbed.signaling-server.jar", "../signaling-server/target/quarkus-app/quarkus-run.jar");
        // Each name on 443 and on its own port: browsers name a server by host and port (an IdP proxy frame at
        // https://idp-a.test:<port> puts that authority in a=identity).
        String connectToValue = connectTo.entrySet().stream()
                .flatMap(e -> java.util.stream.Stream.of(
                        e.getKey() + ":443=127.0.0.1:" + e.getValue(),
                        e.getKey() + ":" + e.getValue() + "=127.0.0.1:" + e.getValue()))
                .distinct()
                .collect(Collectors.joining(","));
        for (Domain domain : Domain.values()) {
            TwoDomains.Ports port = ports.get(domain);
            String idpName = "idp-" + domain.label();
            Path idpDir = Files.createDirectories(directory.resolve(idpName));
            Map<String, String> idpProperties =
                    ServiceSettings.https(LOOPBACK, port.idp(), certificates.issue(domain.idpHost()));
            idpProperties.putAll(ServiceSettings.idp(domain.idpHost(), domain.idpOrigin(), idpDir.resolve("data")));
            idpProperties.putAll(TestbedTuning.idp());
            processes.add(ServerProcess.launch(
                    idpName,
                    idpJar,
                    idpProperties,
                    Map.of(),
                    idpDir,
                    logDir.resolve(idpName + ".log"),
                    LOOPBACK,
                    port.idp()));

            String sigName = "sig-" + domain.label();
            Path sigDir = Files.createDirectories(directory.resolve(sigName));
            Map<String, String> properties =
                    ServiceSettings.https(LOOPBACK, port.signaling(), certificates.issue(domain.signalingHost()));
            properties.putAll(ServiceSettings.signaling(
                    domain.signalingOrigin(), sigDir.resolve("data"), adminSecrets.get(domain)));
            properties.putAll(ServiceSettings.signalingNet(certificates.caPem(), connectToValue));
            properties.putAll(TestbedTuning.signaling());
            properties.putAll(signalingExtra);
            if (domain == Domain.B) {
                properties.putAll(clusterB);
            }
            signalingProperties.put(domain, properties);
            processes.add(ServerProcess.launch(
                    sigName,
                    signalingJar,
                    properties,
                    Map.of(),
                    sigDir,
                    logDir.resolve(sigName + ".log"),
                    LOOPBACK,
                    port.signaling()));
        }
    }

    /**
     * Launches a second node of domain B's signaling server (after the first is ready, so that it reads the keys the
     * first made: both nodes share its data directory, as a cluster's nodes share their key files) on {@code port},
     * logging to {@code logDir/sig-b2.log}. Returns without waiting.
     */
    void launchSecondNode(Path directory, Path logDir, int port) throws IOException {
        Map<String, String> properties = new java.util.LinkedHashMap<>(signalingProperties.get(Domain.B));
        properties.put("quarkus.http.ssl-port", Integer.toString(port));
        processes.add(ServerProcess.launch(
                "sig-b2",
                signalingJar,
                properties,
                Map.of(),
                Files.createDirectories(directory.resolve("sig-b2")),
                logDir.resolve("sig-b2.log"),
                LOOPBACK,
                port));
    }

    /** Kills the server named {@code name} with SIGKILL, as a crash would, and waits until it has exited. */
    void kill(String name) throws InterruptedException {
        ServerProcess process = processes.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no server " + name));
        process.handle().destroyForcibly();
        process.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
        processes.remove(process);
    }

    /**
     * Waits until every server answers {@code /q/health/ready}: see {@link Readiness#await}. ({@code https} trusts
     * the CA.)
     */
    void awaitReady(HttpClient https) throws InterruptedException {
        Readiness.await(processes, https);
    }

    /** The last {@code lines} lines of each server's log. */
    String tails(int lines) {
        return Readiness.tails(processes, lines);
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
