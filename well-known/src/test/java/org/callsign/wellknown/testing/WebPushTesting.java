package org.callsign.wellknown.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Web Push service on loopback: the npm package {@code web-push-testing} 1.2.2 (installed by
 * {@code npm ci --prefix tools}), which takes RFC 8030 pushes, verifies their RFC 8292 VAPID token against the
 * subscription's {@code applicationServerKey}, decrypts their RFC 8291 payload and keeps it for the test to read.
 *
 * <p>Its CLI's {@code start} command runs {@code src/bin/server.js <port>} detached and keeps the process id in a
 * state directory; this fixture runs that same server script in the foreground instead, so that it owns the process
 * and nothing outlives the test. {@code resources/push/loopback-only.js} binds it to 127.0.0.1 (the script would listen
 * on every interface); its endpoints are {@code http://localhost:<port>/notify/<client hash>}. Where node or the
 * package is missing the tests skip with a message, except under CI ({@code CI=true}), which installs them.
 */
public final class WebPushTesting implements AutoCloseable {

    public static final String MISSING = "web-push-testing is not installed: npm ci --prefix tools";
    public static final Path PACKAGE = root().resolve("tools/node_modules/web-push-testing");
    private static final Path SERVER = PACKAGE.resolve("src/bin/server.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A subscription the service made, as a browser's {@code PushSubscription.toJSON()} plus its client hash. */
    public record Subscription(String endpoint, String p256dh, String auth, String clientHash) {}

    private final Process process;
    private final URI base;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebPushTesting(Process process, URI base, Path log) {
        this.process = process;
        this.base = base;
        this.log = log;
    }

    /** Whether node and the package are installed; under CI their absence is an error. */
    public static boolean installed() {
        boolean present = Files.isRegularFile(SERVER) && node() != null;
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(MISSING);
        }
        return present;
    }

    /** Skips the calling test, with a message, where the service is not installed (outside CI). */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(installed(), MISSING);
    }

    /** Starts the service on a free loopback port and waits until it answers; fails where it is not installed. */
    public static WebPushTesting start(Path dir) throws IOException, InterruptedException {
        if (!installed()) {
            throw new IllegalStateException(MISSING);
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path preload = dir.resolve("loopback-only.js");
        try (var script = WebPushTesting.class.getResourceAsStream("/push/loopback-only.js")) {
            Files.write(preload, script.readAllBytes());
        }
        Path log = dir.resolve("web-push-testing.log");
        Process process = new ProcessBuilder(List.of(
                        node().toString(), "--require", preload.toString(), SERVER.toString(), Integer.toString(port)))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        WebPushTesting service = new WebPushTesting(process, URI.create("http://127.0.0.1:" + port + "/"), log);
        service.awaitReady();
        return service;
    }

    /** Subscribes as a browser would, with the server's VAPID public key as {@code applicationServerKey}. */
    public Subscription subscribe(String applicationServerKey) throws IOException, InterruptedException {
        JsonNode data = post(
                        "subscribe", Map.of("applicationServerKey", applicationServerKey, "userVisibleOnly", "true"))
                .get("data");
        return new Subscription(
                data.get("endpoint").asText(),
                data.get("keys").get("p256dh").asText(),
                data.get("keys").get("auth").asText(),
                data.get("clientHash").asText());
    }

    /** The decrypted payloads the service took for a subscription, oldest first. */
    public List<String> notifications(String clientHash) throws IOException, InterruptedException {
        List<String> messages = new ArrayList<>();
        post("get-notifications", Map.of("clientHash", clientHash))
                .get("data")
                .get("messages")
                .forEach(message -> messages.add(message.asText()));
        return messages;
    }

    /** Makes the service answer 410 to pushes for the subscription from now on. */
    public void expire(String clientHash) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("expire-subscription/" + clientHash, "");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("expire-subscription answered " + answer.statusCode());
        }
    }

    private JsonNode post(String path, Map<String, String> body) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(path, JSON.writeValueAsString(body));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("web-push-testing exited: " + Files.readString(log));
            }
            try {
                if (send("status", "{}").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("web-push-testing did not answer within 15 s: " + Files.readString(log));
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

    /** The repository root: the nearest directory up from here with {@code tools/package.json}. */
    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tools/package.json"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
