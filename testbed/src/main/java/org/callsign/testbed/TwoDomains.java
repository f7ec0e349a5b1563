package org.callsign.testbed;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.callsign.shim.IdentityException;
import org.callsign.shim.sandbox.GenerateOptions;
import org.callsign.shim.sandbox.IdpProxyAddress;
import org.callsign.shim.sandbox.IdpSandbox;
import org.callsign.shim.sandbox.SandboxConfig;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.testbed.up.IssuedCertificate;
import org.callsign.testbed.up.ServerProcess;
import org.callsign.wellknown.fetch.AddressPolicy;
import org.callsign.wellknown.fetch.DefaultFetcher;
import org.callsign.wellknown.fetch.FetchCache;
import org.callsign.wellknown.fetch.FetchPolicy;
import org.callsign.wellknown.fetch.Fetcher;
import org.callsign.wellknown.testing.ServerIdentity;
import org.callsign.wellknown.testing.TestHttpsServer;

/**
 * Two complete Callsign domains on loopback, for end-to-end tests across services: for each of {@link Domain#A} and
 * {@link Domain#B} the packaged idp-server ({@code https://idp-x.test}) and signaling-server
 * ({@code https://sig-x.test}) as child JVMs, HTTPS only, with certificates from a CA generated now. The host names
 * resolve nowhere: the servers and the test's {@link #fetcher()} map {@code <host>:443} to the right loopback port
 * (curl's {@code --connect-to}), and {@link #idp}/{@link #signaling} reach the APIs by IP.
 *
 * <p>Start with {@link #start}; {@link #close} stops the servers and removes the temporary directory (keys, data).
 * Logs stay in {@code target/testbed-logs/<name>/}; {@link #logTails} shows their ends.
 */
public final class TwoDomains implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;
    private final Path logDir;
    private final Certificates certificates;
    private final Map<Domain, Ports> ports;
    private final TestbedOptions options;
    private final TestHttpsServer extraServer;
    private LocalDns localDns;
    private final Map<Domain, String> adminSecrets;
    private final Servers servers = new Servers();
    private final HttpClient http;
    private final DefaultFetcher fetcher;
    private final Set<Domain> bootstrapped = EnumSet.noneOf(Domain.class);
    private int usersCreated;
    private IdpSandbox sandbox;
    private final Map<String, IdpSandbox> userSandboxes = new LinkedHashMap<>();
    private Duration startupTime;
    private int secondNodePort;

    /** The loopback ports of one domain's two servers. */
    public record Ports(int idp, int signaling) {}

    private TwoDomains(
            Path directory,
            Path logDir,
            Certificates certificates,
            Map<Domain, Ports> ports,
            TestbedOptions options,
            TestHttpsServer extraServer) {
        this.directory = directory;
        this.logDir = logDir;
        this.certificates = certificates;
        this.ports = ports;
        this.options = options;
        this.extraServer = extraServer;
        this.adminSecrets = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            adminSecrets.put(domain, random(32));
        }
        this.http = HttpClient.newBuilder()
                .sslContext(certificates.ca().clientSslContext())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        FetchPolicy.Builder policy = FetchPolicy.builder()
                .trustStore(certificates.ca().trustStore())
                .addressPolicy(AddressPolicy.PUBLIC_AND_LOOPBACK)
                .cache(new FetchCache());
        connectTo().forEach((host, port) -> {
            InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            policy.connectTo(host, 443, loopback);
            policy.connectTo(host, port, loopback);
        });
        this.fetcher = new DefaultFetcher(policy.build());
    }

    /**
     * Starts the four servers in parallel and waits until each answers {@code /q/health/ready}; {@code name} names the
     * log directory ({@code target/testbed-logs/<name>/}). The jars come from the system properties
     * {@code testbed.idp-server.jar} and {@code testbed.signaling-server.jar} (set by the module's pom).
     */
    public static TwoDomains start(String name) throws IOException, InterruptedException {
        return start(name, TestbedOptions.NONE);
    }

    /**
     * Like {@link #start(String)}, with {@code options}: extra host names served by {@link #extraServer()} and mapped
     * in every signaling server's {@code net.connect-to}, and a local DNS server for the SRV fallback.
     */
    public static TwoDomains start(String name, TestbedOptions options) throws IOException, InterruptedException {
        return start(Path.of(System.getProperty("testbed.log-dir", "target/testbed-logs"), name), options);
    }

    /**
     * Like {@link #start(String, TestbedOptions)}, with the servers' logs in {@code logDir} (made if missing). Keys,
     * certificates and data go to a new temporary directory, removed by {@link #close}.
     */
    public static TwoDomains start(Path logDir, TestbedOptions options) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Path directory = Files.createTempDirectory("callsign-testbed-");
        Map<Domain, Ports> ports = new EnumMap<>(Domain.class);
        for (Domain domain : Domain.values()) {
            ports.put(domain, new Ports(ServerProcess.freePort(), ServerProcess.freePort()));
        }
        Certificates certificates = Certificates.create(directory);
        TestHttpsServer extraServer = null;
        if (!options.extraHosts().isEmpty()) {
            List<String> names = new ArrayList<>(options.extraHosts());
            names.add("127.0.0.1");
            IssuedCertificate issued = certificates.ca().issue(Certificates.VALIDITY, names.toArray(String[]::new));
            extraServer = TestHttpsServer.https(
                    new ServerIdentity(issued.privateKey(), issued.certificate(), issued.caCertificate())
                            .serverSslContext());
        }
        TwoDomains domains = new TwoDomains(directory, logDir, certificates, ports, options, extraServer);
        try {
            if (options.localDns()) {
                domains.localDns = LocalDns.start(directory, logDir.resolve("dnsmasq.log"), options.dnsRecords());
            }
            domains.launch();
            domains.sandbox = new IdpSandbox(domains.fetcher, SandboxConfig.defaults());
        } catch (IOException | InterruptedException | RuntimeException e) {
            domains.close();
            throw e;
        }
        return domains;
    }

    private void launch() throws IOException, InterruptedException {
        long started = System.nanoTime();
        Map<String, String> signalingExtra = new LinkedHashMap<>();
        if (localDns != null) {
            signalingExtra.put("callsign.signaling.net.dns-servers", localDns.server());
        }
        signalingExtra.putAll(options.signalingProperties());
        Map<String, String> clusterB = new LinkedHashMap<>();
        if (options.clusterRedisUrl() != null) {
            clusterB.put("callsign.signaling.store.kind", "redis");
            clusterB.put("callsign.signaling.store.redis.url", options.clusterRedisUrl());
            clusterB.put("callsign.signaling.store.redis.key-prefix", "callsign:sig-b:");
            clusterB.put("callsign.signaling.cluster.enabled", "true");
            clusterB.put("callsign.signaling.cluster.heartbeat", "200ms");
            clusterB.put("callsign.signaling.cluster.node-timeout", "1s");
        }
        servers.launch(directory, logDir, certificates, ports, connectTo(), adminSecrets, signalingExtra, clusterB);
        servers.awaitReady(http);
        if (options.clusterRedisUrl() != null) {
            secondNodePort = ServerProcess.freePort();
            servers.launchSecondNode(directory, logDir, secondNodePort);
            servers.awaitReady(http);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /**
     * Every host name of the testbed, the {@link TestbedOptions#extraHosts extra hosts} included, with the loopback
     * port that serves it as {@code <host>:443}.
     */
    public Map<String, Integer> connectTo() {
        Map<String, Integer> hosts = new LinkedHashMap<>();
        for (Domain domain : Domain.values()) {
            hosts.put(domain.idpHost(), ports.get(domain).idp());
            hosts.put(domain.signalingHost(), ports.get(domain).signaling());
        }
        for (String host : options.extraHosts()) {
            hosts.put(host, extraServer.port());
        }
        return hosts;
    }

    /**
     * The scriptable HTTPS server of the {@link TestbedOptions#extraHosts extra hosts} (one for all of them, with a
     * certificate of the testbed's CA for each name; a route tells them apart by the {@code host} header). Unrouted
     * paths answer 404.
     */
    public TestHttpsServer extraServer() {
        if (extraServer == null) {
            throw new IllegalStateException("no extra hosts: start the testbed with TestbedOptions.withExtraHosts");
        }
        return extraServer;
    }

    /**
     * The loopback port of domain B's second signaling node ({@link TestbedOptions#withSignalingCluster}); sig-b.test,
     * and so federation and {@link #signaling(Domain)}, reach the first.
     */
    public int secondNodePort() {
        if (secondNodePort == 0) {
            throw new IllegalStateException("one signaling node: start the testbed with withSignalingCluster");
        }
        return secondNodePort;
    }

    /** Opens {@code user}'s device's signaling connection to the signaling node on loopback port {@code port}. */
    public DeviceSocket connect(User user, int port) {
        return connect(user, port, null);
    }

    /**
     * Opens {@code user}'s device's signaling connection to the signaling node on loopback port {@code port}, resuming
     * its line with {@code resume} (the {@code welcome}'s token) if not {@code null}.
     */
    public DeviceSocket connect(User user, int port, String resume) {
        String query = "device=" + user.deviceId() + (resume == null ? "" : "&resume=" + resume);
        return DeviceSocket.open(http, URI.create("wss://127.0.0.1:" + port + "/ws?" + query), user.signalingToken());
    }

    /**
     * Kills domain B's second signaling node ({@link TestbedOptions#withSignalingCluster}) with SIGKILL, as a crash
     * would; returns once it has exited.
     */
    public void killSecondNode() throws InterruptedException {
        secondNodePort();
        servers.kill("sig-b2");
    }

    /** The loopback ports of {@code domain}'s servers. */
    public Ports ports(Domain domain) {
        return ports.get(domain);
    }

    /** How long the four servers took from launch until all were ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** The temporary directory of keys, certificates and the servers' data; {@link #close} removes it. */
    public Path directory() {
        return directory;
    }

    /** The CA's certificate as PEM (the servers' trust store). */
    public Path caPem() {
        return certificates.caPem();
    }

    /** A JDK HTTP client (and WebSocket builder) trusting only the testbed's CA. */
    public HttpClient httpClient() {
        return http;
    }

    /** The JSON API of {@code domain}'s IdP, by IP. */
    public ApiClient idp(Domain domain) {
        return new ApiClient(
                http, URI.create("https://127.0.0.1:" + ports.get(domain).idp()));
    }

    /** The JSON API of {@code domain}'s signaling server, by IP. */
    public ApiClient signaling(Domain domain) {
        return new ApiClient(
                http, URI.create("https://127.0.0.1:" + ports.get(domain).signaling()));
    }

    /**
     * well-known's hardened fetcher as another server would use it: it trusts the testbed's CA, allows loopback and
     * connects {@code <host>:443} of every testbed name to its port (TLS still checks the name). Cached.
     */
    public Fetcher fetcher() {
        return fetcher;
    }

    /** An IdP proxy sandbox on {@link #fetcher()} without credentials: a relying party's, for validation. */
    public IdpSandbox sandbox() {
        return sandbox;
    }

    /**
     * The sandbox on {@link #fetcher()} whose realm of {@code user}'s IdP sends their IdP bearer token, for generating
     * their assertions: made on first use and kept (a warm realm asserts in milliseconds, a new one compiles the
     * proxy script first); {@link #close} closes it, callers do not.
     */
    public synchronized IdpSandbox sandboxFor(User user) {
        return userSandboxes.computeIfAbsent(
                user.identity(),
                identity -> new IdpSandbox(
                        fetcher,
                        SandboxConfig.defaults()
                                .withBearerTokens(Map.of(user.domain().idpOrigin(), user.idpToken()))));
    }

    /**
     * Creates {@code username} at {@code domain}: see {@link UserFactory}. The device's SDP is the next of
     * {@link SdpFixtures#OFFERS} in turn, so two users created one after the other have different fingerprints.
     */
    public synchronized User createUser(Domain domain, String username) {
        return createUser(domain, username, SdpFixtures.OFFERS.get(usersCreated % SdpFixtures.OFFERS.size()));
    }

    /** Like {@link #createUser(Domain, String)}, with the device's SDP from the fixture {@code sdpFixture}. */
    public User createUser(Domain domain, String username, String sdpFixture) {
        return createUser(domain, username, SdpFixtures.load(sdpFixture));
    }

    /**
     * Like {@link #createUser(Domain, String)}, with the device's SDP {@code sdp}: that of a real peer, say, whose
     * DTLS certificate then has the device's fingerprint.
     */
    public synchronized User createUser(Domain domain, String username, SessionDescription sdp) {
        boolean firstOfServer = bootstrapped.add(domain);
        User user = new UserFactory(idp(domain), signaling(domain), adminSecrets.get(domain))
                .create(domain, username, sdp, firstOfServer);
        usersCreated++;
        bindIdentity(user);
        return user;
    }

    /**
     * {@code user} on another device of theirs: a verified device named {@code name}, registered with the first
     * fingerprint of {@code sdp} (a real browser's offer, say), which is the returned user's device and SDP.
     */
    public User withDevice(User user, String name, SessionDescription sdp) {
        String deviceId = UserFactory.registerDevice(signaling(user.domain()), user.signalingToken(), name, sdp);
        return new User(
                user.domain(),
                user.username(),
                user.identity(),
                user.password(),
                user.idpToken(),
                user.clientId(),
                user.clientKey(),
                user.signalingToken(),
                user.owner(),
                deviceId,
                sdp);
    }

    /**
     * Binds the user's identity to their signaling client (docs/federation.md): an assertion of their IdP over the
     * server's challenge, for the server's origin.
     */
    public void bindIdentity(User user) {
        ApiClient server = signaling(user.domain());
        JsonNode challenge = server.post("/api/identity/challenge", user.signalingAuthorization(), null)
                .expect(200)
                .json();
        try {
            String assertion = sandboxFor(user)
                    .generateAssertion(
                            IdpProxyAddress.of(user.domain().idpHost(), IdpProxyAddress.DEFAULT_PROTOCOL),
                            challenge.path("contents").asText(),
                            challenge.path("origin").asText(),
                            new GenerateOptions(IdpProxyAddress.DEFAULT_PROTOCOL, null, null))
                    .assertion();
            server.put(
                            "/api/identity",
                            user.signalingAuthorization(),
                            Map.of(
                                    "idp",
                                    Map.of("domain", user.domain().idpHost(), "protocol", "default"),
                                    "assertion",
                                    assertion))
                    .expect(200);
        } catch (IdentityException e) {
            throw new IllegalStateException("cannot bind " + user.identity() + ": " + e.getMessage(), e);
        }
    }

    /** Opens {@code user}'s device's signaling connection to their own server: {@code /ws?device=<id>}. */
    public DeviceSocket connect(User user) {
        return connect(user, ports.get(user.domain()).signaling());
    }

    /** The directory of the servers' logs. */
    public Path logDir() {
        return logDir;
    }

    /** The last {@code lines} lines of each server's log. */
    public String logTails(int lines) {
        return servers.tails(lines);
    }

    /** Stops the servers (in parallel) and removes the temporary directory; the logs stay. */
    @Override
    public void close() throws IOException {
        // Processes and files first: they must go even when a sandbox is still busy (a shutdown hook may close the
        // testbed while another thread asserts an identity).
        servers.close();
        if (extraServer != null) {
            extraServer.close();
        }
        if (localDns != null) {
            localDns.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } finally {
            List<IdpSandbox> sandboxes = new ArrayList<>();
            synchronized (this) {
                sandboxes.addAll(userSandboxes.values());
                userSandboxes.clear();
            }
            if (sandbox != null) {
                sandboxes.add(sandbox);
            }
            for (IdpSandbox open : sandboxes) {
                try {
                    open.close();
                } catch (IllegalStateException busy) {
                    // In use by another thread while the process exits: nothing of it outlives the process.
                }
            }
            fetcher.closeIdleConnections();
        }
    }

    /** {@code bytes} random bytes, base64url without padding. */
    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
