package org.callsign.idp.upstream;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OpenID Connect provider on loopback: the npm package {@code oidc-provider} (OpenID-certified; installed by
 * {@code npm ci --prefix tools}) run by node with {@code src/test/resources/upstream/provider.mjs}, which registers the
 * given clients, enables the package's development login and consent forms (any login name is accepted and becomes
 * the {@code sub}; the script lists the e-mail claims of some names), and listens on 127.0.0.1 only, over plain HTTP.
 * Where node or the package is missing the tests skip with a message, except under CI ({@code CI=true}).
 */
public final class OidcProviderTesting implements AutoCloseable {

    public static final String MISSING = "oidc-provider is not installed: npm ci --prefix tools";
    public static final Path PACKAGE = root().resolve("tools/node_modules/oidc-provider");

    private final Process process;
    private final URI issuer;
    private final Path log;

    private OidcProviderTesting(Process process, URI issuer, Path log) {
        this.process = process;
        this.issuer = issuer;
        this.log = log;
    }

    /** Whether node and the package are installed; under CI their absence is an error. */
    public static boolean installed() {
        boolean present = Files.isRegularFile(PACKAGE.resolve("lib/index.js")) && node() != null;
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING);
        }
        return present;
    }

    /** Skips the calling test, with a message, where the provider is not installed (outside CI). */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), MISSING);
    }

    /** A free loopback port. */
    public static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts the provider on {@code port} with the clients (a JSON array) and waits until it answers. */
    public static OidcProviderTesting start(Path dir, int port, String clientsJson)
            throws IOException, InterruptedException {
        if (!installed()) {
            throw new IllegalStateException(MISSING);
        }
        Files.createDirectories(dir);
        Path script = dir.resolve("provider.mjs");
        try (InputStream in = OidcProviderTesting.class.getResourceAsStream("/upstream/provider.mjs")) {
            Files.write(script, in.readAllBytes());
        }
        Path log = dir.resolve("oidc-provider-" + port + ".log");
        Process process = new ProcessBuilder(List.of(
                        node().toString(), script.toString(), PACKAGE.toString(), Integer.toString(port), clientsJson))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        OidcProviderTesting provider = new OidcProviderTesting(process, URI.create("http://127.0.0.1:" + port), log);
        provider.awaitReady();
        return provider;
    }

    /** The provider's issuer, {@code http://127.0.0.1:<port>}. */
    public URI issuer() {
        return issuer;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("oidc-provider exited: " + Files.readString(log));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("oidc-provider did not answer within 20 s: " + Files.readString(log));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static Path node() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "node");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/package.json"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
