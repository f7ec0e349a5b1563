package org.callsign.testbed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.callsign.server.ready.ReadyFile;
import org.callsign.testbed.up.LocalCa;
import org.callsign.testbed.up.Pem;
import org.callsign.testbed.up.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./callsign up} from the outside: started as the launcher starts it, on a temporary data directory and free
 * ports; reached over HTTPS trusting only the CA it prints; stopped with SIGTERM; started again on the same data.
 */
class UpIT {
    private static final String ADMIN_SECRET_HEADER = "X-Callsign-Admin-Secret";

    @TempDir
    Path temp;

    @Test
    void badFlagExitsTwoWithUsage() throws Exception {
        try (UpProcess up = UpProcess.start("--no-such-flag")) {
            int status = up.awaitExit();
            assertEquals(2, status, up.output());
            assertTrue(up.output().contains("unknown flag: --no-such-flag"), up.output());
            assertTrue(up.output().contains("Usage: ./callsign up"), up.output());
        }
    }

    @Test
    void portThatIsNotANumberExitsTwo() throws Exception {
        try (UpProcess up = UpProcess.start("--idp-port", "eighty")) {
            assertEquals(2, up.awaitExit(), up.output());
            assertTrue(up.output().contains("--idp-port: not a port (1 to 65535): eighty"), up.output());
        }
    }

    @Test
    void portInUseExitsOneNamingTheFlag() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                UpProcess up = UpProcess.start(
                        "--data",
                        temp.resolve("data").toString(),
                        "--signaling-port",
                        Integer.toString(taken.getLocalPort()))) {
            assertEquals(1, up.awaitExit(), up.output());
            assertTrue(up.output().contains("choose another port with --signaling-port"), up.output());
        }
    }

    @Test
    void serviceThatDiesStopsTheOtherAndExitsOneWithItsLog() throws Exception {
        try (UpProcess up = UpProcess.start(
                "--data",
                temp.resolve("data").toString(),
                "--idp-port",
                Integer.toString(ServerProcess.freePort()),
                "--signaling-port",
                Integer.toString(ServerProcess.freePort()))) {
            up.awaitReady();
            List<ProcessHandle> children = up.handle().descendants().toList();
            ProcessHandle idp = children.stream()
                    .filter(child -> child.info().commandLine().orElse("").contains("idp-server"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no idp-server child among " + children));
            idp.destroyForcibly();
            assertEquals(1, up.awaitExit(), up.output());
            assertTrue(up.output().contains("idp-server exited with"), up.output());
            assertTrue(up.output().contains("last "), up.output());
            for (ProcessHandle child : children) {
                assertFalse(
                        child.isAlive(),
                        "left running: " + child.info().commandLine().orElse("?"));
            }
        }
    }

    @Test
    void servesBothStopsCleanlyAndKeepsStateAcrossRestarts() throws Exception {
        Path data = temp.resolve("data");
        int idpPort = ServerProcess.freePort();
        int signalingPort = ServerProcess.freePort();
        String[] args = {
            "--data",
            data.toString(),
            "--idp-port",
            Integer.toString(idpPort),
            "--signaling-port",
            Integer.toString(signalingPort)
        };
        String clientKey = TwoDomains.random(32);
        Path tmp = Files.createDirectories(temp.resolve("tmp"));
        byte[] caBefore;
        try (UpProcess up = UpProcess.start(tmp, args)) {
            up.awaitReady();
            Path ca = Path.of(up.banner("CA certificate"));
            assertEquals(data.toAbsolutePath().resolve("ca/ca.pem"), ca);
            caBefore = Files.readAllBytes(ca);
            String adminSecret =
                    Files.readString(Path.of(up.banner("admin secret"))).strip();
            assertFalse(up.output().contains(adminSecret), "the admin secret is printed");

            HttpClient https = trusting(ca);
            ApiClient idp = new ApiClient(https, URI.create("https://127.0.0.1:" + idpPort));
            ApiClient signaling = new ApiClient(https, URI.create("https://127.0.0.1:" + signalingPort));
            JsonNode discovery = idp.get("/.well-known/openid-configuration", null)
                    .expect(200)
                    .json();
            assertEquals(
                    "https://idp.callsign.localhost:" + idpPort,
                    discovery.path("issuer").asText());
            signaling.get("/q/health/ready", null).expect(200);

            JsonNode client = signaling
                    .send(
                            "POST",
                            "/api/clients",
                            null,
                            Map.of("clientID", "me", "authKey", clientKey),
                            Map.of(ADMIN_SECRET_HEADER, adminSecret))
                    .expect(201)
                    .json();
            assertTrue(client.path("owner").asBoolean(), client.toString());
            idp.post("/api/accounts", null, Map.of("username", "me", "password", TwoDomains.random(18)))
                    .expect(201);

            for (String key : List.of("ca/ca.key", "tls/idp.key", "tls/signaling.key", "admin-secret")) {
                assertEquals("rw-------", permissions(data.resolve(key)), key);
            }

            List<ProcessHandle> children = up.handle().descendants().toList();
            assertEquals(2, children.size(), "child processes: " + children);
            assertReadyFilesOf(children, data, idpPort, signalingPort);
            up.terminate();
            assertEquals(0, up.awaitExit(), up.output());
            assertTrue(up.output().contains("callsign up: stopped"), up.output());
            Leftovers.assertNone(children, List.of(idpPort, signalingPort), tmp);
            assertEquals(List.of(), files(data.resolve("run")), "ready files outlived the services");
        }

        // Files of an earlier run killed with SIGKILL: removed before the services start, never taken for theirs.
        Files.writeString(data.resolve("run/idp-server.ready"), "pid=1\nhttps=" + idpPort + "\n");
        Files.writeString(data.resolve("run/signaling-server.ready"), "pid=1\nhttps=" + signalingPort + "\n");
        try (UpProcess again = UpProcess.start(args)) {
            again.awaitReady();
            assertReadyFilesOf(again.handle().descendants().toList(), data, idpPort, signalingPort);
            Path ca = Path.of(again.banner("CA certificate"));
            assertArrayEquals(caBefore, Files.readAllBytes(ca), "the CA changed on restart");
            HttpClient https = trusting(ca);
            ApiClient idp = new ApiClient(https, URI.create("https://127.0.0.1:" + idpPort));
            ApiClient signaling = new ApiClient(https, URI.create("https://127.0.0.1:" + signalingPort));
            signaling.get("/api/clients/me", ApiClient.basic("me", clientKey)).expect(200);
            idp.post("/api/accounts", null, Map.of("username", "me", "password", TwoDomains.random(18)))
                    .expect(409);
            again.terminate();
            assertEquals(0, again.awaitExit(), again.output());
        }
    }

    @Test
    void recordsClassDataCachesOnFirstStopUsesThemAfterAndDropsADamagedOne() throws Exception {
        Path data = temp.resolve("data");
        String[] args = {
            "--data",
            data.toString(),
            "--idp-port",
            Integer.toString(ServerProcess.freePort()),
            "--signaling-port",
            Integer.toString(ServerProcess.freePort())
        };
        Path cacheDir = data.resolve("cache");
        try (UpProcess up = UpProcess.start(args)) {
            up.awaitReady();
            assertEquals(List.of(), files(cacheDir), "a cache before the services stopped");
            up.terminate();
            assertEquals(0, up.awaitExit(), up.output());
        }
        List<Path> caches = files(cacheDir);
        assertEquals(2, caches.size(), "caches: " + caches);
        assertTrue(caches.stream().anyMatch(c -> c.getFileName().toString().startsWith("idp-server-")), "" + caches);
        assertTrue(
                caches.stream().anyMatch(c -> c.getFileName().toString().startsWith("signaling-server-")), "" + caches);

        try (UpProcess again = UpProcess.start(args)) {
            again.awaitReady();
            for (ProcessHandle child : again.handle().children().toList()) {
                String maps = Files.readString(Path.of("/proc", Long.toString(child.pid()), "maps"));
                assertTrue(
                        caches.stream().anyMatch(c -> maps.contains(c.toString())),
                        "no cache mapped by " + child.info().commandLine().orElse("?"));
            }
            again.terminate();
            assertEquals(0, again.awaitExit(), again.output());
        }
        assertEquals(caches, files(cacheDir), "the caches changed");

        for (Path cache : caches) {
            Files.write(cache, new byte[] {'n', 'o', 't', ' ', 'a', 'n', ' ', 'a', 'r', 'c', 'h', 'i', 'v', 'e'});
        }
        try (UpProcess damaged = UpProcess.start(args)) {
            damaged.awaitReady();
            assertEquals(List.of(), files(cacheDir), "a damaged cache was kept");
            damaged.terminate();
            assertEquals(0, damaged.awaitExit(), damaged.output());
        }
        assertEquals(List.of(), files(cacheDir), "a damaged cache is recorded again at the next start, not this one");
    }

    /** Each service's ready file names one of {@code children}, the one running that service, and its port. */
    private static void assertReadyFilesOf(List<ProcessHandle> children, Path data, int idpPort, int signalingPort)
            throws IOException {
        for (Map.Entry<String, Integer> service :
                Map.of("idp-server", idpPort, "signaling-server", signalingPort).entrySet()) {
            ReadyFile ready =
                    ReadyFile.parse(Files.readString(data.resolve("run").resolve(service.getKey() + ".ready")));
            ProcessHandle child = children.stream()
                    .filter(c -> c.pid() == ready.pid())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service.getKey() + ": pid " + ready.pid() + " is no child"));
            assertTrue(
                    child.info().commandLine().orElse("").contains(service.getKey()),
                    child.info().commandLine().orElse("?"));
            assertEquals(Map.of("https", service.getValue()), ready.ports(), service.getKey());
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    private static HttpClient trusting(Path caPem) throws IOException {
        return HttpClient.newBuilder()
                .sslContext(LocalCa.clientSslContext(Pem.readCertificates(caPem).get(0)))
                .build();
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
