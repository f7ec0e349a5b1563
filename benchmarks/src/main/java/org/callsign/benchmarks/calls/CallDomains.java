package org.callsign.benchmarks.calls;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.callsign.benchmarks.ChildProcesses;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;
import org.callsign.wellknown.fetch.FetchPolicy;
import org.callsign.wellknown.testing.TestCa;

/**
 * Two Callsign domains on loopback for the call benchmark: per {@link Domain} the packaged idp-server
 * ({@code https://idp-x.test}) and signaling-server ({@code https://sig-x.test}) as child JVMs, HTTPS only, with
 * certificates of a CA generated now. The names resolve nowhere: the signaling servers get
 * {@code callsign.signaling.net.connect-to} and the benchmark's fetchers the same mapping, and TLS still checks the
 * name. Everything else is the packaged configuration, except limits that one benchmark client on 127.0.0.1 would
 * reach (rate limits, the federation requests accepted per sending server).
 */
final class CallDomains implements AutoCloseable {
    private final Path directory;
    private final TestCa ca;
    private final Map<Domain, ServiceProcess> idps = new EnumMap<>(Domain.class);
    private final Map<Domain, ServiceProcess> signaling = new EnumMap<>(Domain.class);
    private final Map<String, Integer> hosts = new LinkedHashMap<>();
    private final Map<Domain, String> adminSecrets = new EnumMap<>(Domain.class);
    private final HttpClient http;

    private CallDomains(Path directory, TestCa ca) {
        this.directory = directory;
        this.ca = ca;
        this.http = HttpClient.newBuilder()
                .sslContext(ca.clientSslContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Starts the four servers with {@code java} and {@code jvmFlags}, logs in {@code logDir}, and waits until each
     * answers {@code /q/health/ready}.
     */
    static CallDomains start(Path java, List<String> jvmFlags, Path idpJar, Path signalingJar, Path logDir)
            throws IOException {
        Files.createDirectories(logDir);
        CallDomains domains =
                new CallDomains(Files.createTempDirectory("callsign-call-bench-"), TestCa.create("call benchmark CA"));
        try {
            domains.configure(java, jvmFlags, idpJar, signalingJar, logDir);
            domains.startAll(domains.all());
        } catch (IOException | RuntimeException e) {
            domains.close();
            throw e;
        }
        return domains;
    }

    private void configure(Path java, List<String> jvmFlags, Path idpJar, Path signalingJar, Path logDir)
            throws IOException {
        Path caPem = Pem.writeCa(ca, directory.resolve("ca.pem"));
        for (Domain domain : Domain.values()) {
            hosts.put(domain.idpHost(), ChildProcesses.freePort());
            hosts.put(domain.signalingHost(), ChildProcesses.freePort());
            byte[] secret = new byte[24];
            new SecureRandom().nextBytes(secret);
            adminSecrets.put(domain, HexFormat.of().formatHex(secret));
        }
        String connectTo = hosts.entrySet().stream()
                .map(e -> e.getKey() + ":443=127.0.0.1:" + e.getValue())
                .collect(Collectors.joining(","));
        for (Domain domain : Domain.values()) {
            String idpName = "idp-" + domain.name().toLowerCase();
            Path idpDir = Files.createDirectories(directory.resolve(idpName));
            Map<String, String> idp = https(domain.idpHost(), idpDir);
            idp.put("callsign.idp.domain", domain.idpHost());
            idp.put("callsign.idp.issuer", domain.idpOrigin());
            idp.put("callsign.idp.data-dir", idpDir.resolve("data").toString());
            idp.put("callsign.idp.accounts.bcrypt-cost", "10");
            idp.put("callsign.idp.sessions.cookie-secure", "true");
            idp.put("callsign.idp.rate-limit.requests-per-minute", "1000000");
            idp.put("callsign.idp.rate-limit.ip-failures", "1000000");
            idps.put(
                    domain,
                    new ServiceProcess(
                            idpName, java, jvmFlags, idp, idpJar, idpDir, logDir, hosts.get(domain.idpHost())));

            String sigName = "sig-" + domain.name().toLowerCase();
            Path sigDir = Files.createDirectories(directory.resolve(sigName));
            Map<String, String> sig = https(domain.signalingHost(), sigDir);
            sig.put("callsign.signaling.public-url", domain.signalingOrigin());
            sig.put("callsign.signaling.data-dir", sigDir.resolve("data").toString());
            sig.put("callsign.signaling.clients.bcrypt-cost", "10");
            sig.put("callsign.signaling.registration.admin-secret", adminSecrets.get(domain));
            sig.put("callsign.signaling.rate-limit.requests-per-minute", "1000000");
            sig.put("callsign.signaling.rate-limit.ip-failures", "1000000");
            sig.put("callsign.signaling.rate-limit.token-checks-per-minute", "1000000");
            sig.put("callsign.signaling.rate-limit.key-checks-per-second", "100000");
            sig.put("callsign.signaling.federation.requests-per-minute", "1000000");
            sig.put("callsign.signaling.calls.ring-timeout", "15s");
            sig.put("callsign.signaling.net.trust-store", caPem.toString());
            sig.put("callsign.signaling.net.connect-to", connectTo);
            sig.put("callsign.signaling.net.allow-loopback", "true");
            signaling.put(
                    domain,
                    new ServiceProcess(
                            sigName,
                            java,
                            jvmFlags,
                            sig,
                            signalingJar,
                            sigDir,
                            logDir,
                            hosts.get(domain.signalingHost())));
        }
    }

    /** Quarkus' HTTPS-only listener on the host's port, with a certificate of the CA for {@code host}. */
    private Map<String, String> https(String host, Path dir) throws IOException {
        Path[] pem = Pem.writeServer(ca, host, dir);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", "0");
        properties.put("quarkus.http.ssl-port", Integer.toString(hosts.get(host)));
        properties.put("quarkus.http.insecure-requests", "disabled");
        properties.put("quarkus.http.ssl.certificate.files", pem[0].toString());
        properties.put("quarkus.http.ssl.certificate.key-files", pem[1].toString());
        properties.put("quarkus.log.level", "WARN");
        return properties;
    }

    /** Stops both signaling servers and starts them again on their data; returns how long until both were ready. */
    Duration restartSignaling() throws IOException {
        return restart(new ArrayList<>(signaling.values()));
    }

    /** Stops all four servers and starts them again on their data; returns how long until all were ready. */
    Duration restartAll() throws IOException {
        return restart(all());
    }

    private Duration restart(List<ServiceProcess> services) throws IOException {
        services.parallelStream().forEach(ServiceProcess::stop);
        return startAll(services);
    }

    private Duration startAll(List<ServiceProcess> services) throws IOException {
        long start = System.nanoTime();
        for (ServiceProcess service : services) {
            service.launch();
        }
        for (ServiceProcess service : services) {
            service.awaitReady(http);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private List<ServiceProcess> all() {
        List<ServiceProcess> all = new ArrayList<>(idps.values());
        all.addAll(signaling.values());
        return all;
    }

    ServiceProcess idp(Domain domain) {
        return idps.get(domain);
    }

    ServiceProcess signaling(Domain domain) {
        return signaling.get(domain);
    }

    String adminSecret(Domain domain) {
        return adminSecrets.get(domain);
    }

    /** The JDK's HTTP client (and WebSocket builder), trusting only the benchmark's CA. */
    HttpClient http() {
        return http;
    }

    /**
     * A new well-known fetcher with an empty cache and no connections, as a device or another server has on first
     * contact: it trusts the CA, allows loopback and maps every benchmark name to its port.
     */
    DefaultFetcher newFetcher() {
        FetchPolicy.Builder policy = FetchPolicy.builder()
                .trustStore(ca.trustStore())
                .addressPolicy(AddressPolicy.PUBLIC_AND_LOOPBACK)
                .cache(new FetchCache());
        hosts.forEach((host, port) ->
                policy.connectTo(host, 443, new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        return new DefaultFetcher(policy.build());
    }

    @Override
    public void close() throws IOException {
        all().parallelStream().forEach(ServiceProcess::stop);
        ChildProcesses.deleteTree(directory);
    }
}
