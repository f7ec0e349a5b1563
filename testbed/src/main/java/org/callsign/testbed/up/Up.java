package org.callsign.testbed.up;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.callsign.server.ready.ReadyFile;
import sun.misc.Signal;

/**
 * {@code ./callsign up}: one IdP and one signaling server for a personal domain on this machine, from the packaged
 * services, with their state in a {@link DataDirectory} kept across restarts. Prints the addresses, how to trust the
 * local CA and the owner's first steps ({@link UpBanner}), then a line {@value #READY_LINE}, once both services have
 * written their ready files ({@link Readiness#awaitReadyFiles}: each does once it listens and its readiness checks are
 * up, so the launcher needs no HTTPS client and the cold services no TLS handshake). SIGINT (Ctrl-C) or
 * SIGTERM stops both services and exits 0; a service that exits on its own stops the other and exits 1 with the end
 * of its log; a bad command line exits 2.
 *
 * <p>The jars are the system properties {@value #IDP_JAR_PROPERTY} and {@value #SIGNALING_JAR_PROPERTY} (the
 * launcher sets them).
 */
public final class Up {
    /** The line printed once both services are ready (their readiness checks, as {@code /q/health/ready}, are up). */
    public static final String READY_LINE = "callsign up: ready";

    public static final String IDP_JAR_PROPERTY = "callsign.up.idp-server.jar";
    public static final String SIGNALING_JAR_PROPERTY = "callsign.up.signaling-server.jar";

    private final UpOptions options;
    private final PrintStream out;
    private final List<ServerProcess> services = new ArrayList<>();
    private final Map<ServerProcess, ClassDataCache> caches = new ConcurrentHashMap<>();
    private final Map<ServerProcess, Path> readyFiles = new LinkedHashMap<>();
    private final CompletableFuture<String> stop = new CompletableFuture<>();

    private Up(UpOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Runs {@code up} and exits with its status. */
    public static void main(String[] args) {
        UpOptions options;
        try {
            options = UpOptions.parse(args);
        } catch (UsageException e) {
            System.err.println("callsign up: " + e.getMessage());
            System.err.println(UpOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(UpOptions.USAGE);
            return;
        }
        System.exit(new Up(options, System.out).run());
    }

    private int run() {
        try {
            return start();
        } catch (IOException | IllegalStateException e) {
            if (stop.isDone()) {
                out.println("callsign up: stopped (" + stop.join() + ") before both services were ready");
                return 0;
            }
            System.err.println("callsign up: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            stopServices();
        }
    }

    private int start() throws IOException, InterruptedException {
        DataDirectory data = DataDirectory.prepare(options.dataDir());
        checkPortFree("--idp-port", options.idpPort());
        checkPortFree("--signaling-port", options.signalingPort());
        LocalCa ca = UpCertificates.ca(data);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopServices, "callsign-up-stop"));
        for (String name : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(name), signal -> requestStop("SIG" + signal.getName()));
        }
        launchIdp(data, ca);
        launchSignaling(data, ca);
        Readiness.awaitReadyFiles(readyFiles);
        caches.forEach((service, cache) -> cache.afterReady(service.handle()));
        new UpBanner(options, data).print(out);
        out.println(READY_LINE);
        out.flush();
        return watch();
    }

    /** Waits for a stop request or for a service to exit. */
    private int watch() {
        List<CompletableFuture<?>> events = new ArrayList<>();
        events.add(stop);
        services.forEach(service -> events.add(service.onExit()));
        CompletableFuture.anyOf(events.toArray(CompletableFuture[]::new)).join();
        if (stop.isDone()) {
            out.println("callsign up: stopping both services (" + stop.join() + ")");
            stopServices();
            out.println("callsign up: stopped");
            return 0;
        }
        for (ServerProcess service : services) {
            if (!service.isAlive()) {
                System.err.println("callsign up: " + service.name() + " exited with " + service.exitValue()
                        + "; stopping the other\n" + service.tail(40));
            }
        }
        return 1;
    }

    private void launchIdp(DataDirectory data, LocalCa ca) throws IOException {
        CertificateFiles certificate = UpCertificates.server(ca, data, "idp", names(options.idpHost()));
        Map<String, String> properties = ServiceSettings.https(options.host(), options.idpPort(), certificate);
        properties.putAll(
                ServiceSettings.idp(options.idpHost() + ":" + options.idpPort(), options.idpOrigin(), data.idp()));
        launch(
                "idp-server",
                IDP_JAR_PROPERTY,
                properties,
                Map.of(),
                data,
                data.idp(),
                data.logs().resolve("idp.log"),
                options.idpPort());
    }

    private void launchSignaling(DataDirectory data, LocalCa ca) throws IOException {
        CertificateFiles certificate = UpCertificates.server(ca, data, "signaling", names(options.signalingHost()));
        Map<String, String> properties = ServiceSettings.https(options.host(), options.signalingPort(), certificate);
        properties.putAll(ServiceSettings.signaling(options.signalingOrigin(), data.signaling()));
        String connectTo = options.idpHost() + ":" + options.idpPort() + "=" + options.connectHost() + ":"
                + options.idpPort() + "," + options.signalingHost() + ":" + options.signalingPort() + "="
                + options.connectHost() + ":" + options.signalingPort();
        properties.putAll(ServiceSettings.signalingNet(data.caCertificate(), connectTo));
        launch(
                "signaling-server",
                SIGNALING_JAR_PROPERTY,
                properties,
                ServiceSettings.adminSecret(data.adminSecret()),
                data,
                data.signaling(),
                data.logs().resolve("signaling.log"),
                options.signalingPort());
    }

    private void launch(
            String name,
            String jarProperty,
            Map<String, String> properties,
            Map<String, String> environment,
            DataDirectory data,
            Path workDir,
            Path log,
            int port)
            throws IOException {
        String jar = System.getProperty(jarProperty);
        if (jar == null) {
            throw new IllegalStateException("the system property " + jarProperty + " (the " + name
                    + " jar) is not set; start up with ./callsign up");
        }
        // The service writes it once ready; one left by an earlier run (killed with SIGKILL) is removed first.
        Path readyFile = data.run().resolve(name + ".ready");
        Files.deleteIfExists(readyFile);
        properties.put(ReadyFile.PROPERTY, readyFile.toString());
        List<String> jvmOptions = new ArrayList<>(UpJvmOptions.of(name, System.getenv()));
        ClassDataCache cache = cache(data, name, Path.of(jar), jvmOptions);
        if (cache != null) {
            jvmOptions.addAll(cache.jvmOptions());
        }
        synchronized (services) {
            if (stop.isDone()) {
                throw new IllegalStateException("stopped (" + stop.join() + ")");
            }
            ServerProcess service = ServerProcess.launch(
                    name, Path.of(jar), jvmOptions, properties, environment, workDir, log, options.connectHost(), port);
            services.add(service);
            readyFiles.put(service, readyFile);
            if (cache != null) {
                caches.put(service, cache);
            }
        }
    }

    /** The service's class-data cache, or none when it is turned off or its key cannot be read. */
    private static ClassDataCache cache(DataDirectory data, String name, Path jar, List<String> jvmOptions) {
        if (!UpJvmOptions.cacheEnabled(System.getenv())) {
            return null;
        }
        try {
            return ClassDataCache.forThisJvm(data.cache(), name, jar, jvmOptions);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /** The certificate's names: the service's, {@code 127.0.0.1} and the listening address when it is another. */
    private List<String> names(String host) {
        List<String> names = new ArrayList<>(List.of(host, "127.0.0.1"));
        if (!names.contains(options.connectHost())) {
            names.add(options.connectHost());
        }
        return names;
    }

    private void checkPortFree(String flag, int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(options.host()), port));
        } catch (IOException e) {
            throw new IOException(
                    "cannot listen on " + options.host() + ":" + port + " (" + e.getMessage()
                            + "); choose another port with " + flag,
                    e);
        }
    }

    private void requestStop(String why) {
        stop.complete(why);
        // Unblocks a start that is still waiting for readiness; watch() then waits for the services to exit.
        new Thread(this::stopServices, "callsign-up-stop-" + why).start();
    }

    /**
     * Stops the services in parallel (SIGTERM, then SIGKILL after 30 s), waits for them, and keeps the class-data
     * caches that they wrote as they stopped.
     */
    private void stopServices() {
        List<ServerProcess> running;
        synchronized (services) {
            running = List.copyOf(services);
        }
        running.parallelStream().forEach(service -> {
            service.close();
            ClassDataCache cache = caches.get(service);
            if (cache != null && !service.isAlive()) {
                cache.afterExit(service.exitValue());
            }
        });
    }
}
