package org.callsign.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.callsign.peer.WebRtcAvailable;
import org.callsign.testbed.demo.Demo;
import org.callsign.wellknown.testing.WebPushTesting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./callsign demo} end to end, run as the launcher runs it (this JVM's {@code java}, the module's classpath,
 * {@code --json}): every step behaves as expected, with the facts each one reports; the output is one JSON document
 * and nothing else; and once it ends, normally or by SIGTERM in the middle, no process, port or temporary file is
 * left.
 */
class DemoIT {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The demo needs libwebrtc and the push service; where either is missing (outside CI) it is skipped. */
    @BeforeAll
    static void toolsInstalled() {
        WebPushTesting.assumeInstalled();
        WebRtcAvailable.assume("the demo");
    }

    @Test
    void theDemoCallsAcrossDomainsAndEveryAttackFails() throws Exception {
        Path tmp = freshTmpDir("run");
        Path logs = logDir("run");
        Process demo = start(tmp, logs);
        List<ProcessHandle> children = new ArrayList<>();
        Thread watcher = watchChildren(demo, children);
        boolean ended = demo.waitFor(3, TimeUnit.MINUTES);
        watcher.interrupt();
        String stdout = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String progress = Files.readString(logs.resolve("progress.txt"));
        assertTrue(ended, "the demo did not end within 3 minutes:\n" + progress);
        assertEquals(0, demo.exitValue(), progress + stdout);

        JsonNode report = JSON.readTree(stdout);
        assertTrue(report.path("ok").asBoolean(), stdout);
        JsonNode steps = report.path("steps");
        assertEquals(10, steps.size());
        for (JsonNode step : steps) {
            assertEquals("passed", step.path("status").asText(), step.toString());
            assertTrue(progress.contains(step.path("title").asText()), "no progress line for " + step);
        }
        JsonNode call = facts(steps, 4);
        assertEquals("alice@idp-a.test", call.path("verifiedByServer").asText());
        assertEquals("webfinger", call.path("discoveredBy").asText());
        assertEquals("ring", call.path("filter").asText());
        JsonNode push = facts(steps, 5).path("push");
        assertEquals(Set.of("type", "call", "expires"), fieldNames(push));
        assertEquals(call.path("call").asText(), push.path("call").asText());
        assertEquals(
                "alice@idp-a.test", facts(steps, 6).path("perVerifiedCaller").asText());
        assertEquals(
                "per@idp-b.test", facts(steps, 6).path("aliceVerifiedCallee").asText());
        JsonNode dtls = facts(steps, 7);
        assertEquals("connected", dtls.path("dtls").asText());
        assertNotEquals(
                dtls.path("aliceSawCertificate").asText(),
                dtls.path("perSawCertificate").asText());
        assertEquals(
                "hello per, this is alice", dtls.path("messages").path("toPer").asText());
        assertEquals(
                "fingerprint-not-covered", facts(steps, 8).path("refusedWith").asText());
        JsonNode replay = facts(steps, 9);
        assertEquals("alice@idp-a.test", replay.path("verifiedAs").asText(), "the assertion itself is genuine");
        assertEquals("failed", replay.path("dtls").asText());
        assertEquals("idp-token-invalid", replay.path("otherOrigin").asText());
        JsonNode blocked = facts(steps, 10);
        assertEquals("refused:blocked", blocked.path("reason").asText());
        assertFalse(blocked.path("rang").asBoolean());
        assertEquals(1, blocked.path("pushesToPer").asInt(), "only alice's call was pushed");
        assertEquals(4, report.path("calls").size());

        List<Integer> ports = new ArrayList<>();
        report.path("environment").path("ports").forEach(port -> ports.add(port.asInt()));
        assertEquals(4, ports.size());
        assertTrue(children.size() >= 5, "four servers and the push service: " + children);
        assertFalse(Files.exists(
                Path.of(report.path("environment").path("temporaryDirectory").asText())));
        Leftovers.assertNone(children, ports, tmp);
    }

    @Test
    void sigtermInTheMiddleLeavesNothingBehind() throws Exception {
        Path tmp = freshTmpDir("sigterm");
        Path logs = logDir("sigterm");
        Process demo = start(tmp, logs);
        List<ProcessHandle> children = new ArrayList<>();
        Thread watcher = watchChildren(demo, children);
        Path progress = logs.resolve("progress.txt");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.readString(progress).contains("[3/") && demo.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(demo.isAlive(), "the demo ended before step 3:\n" + Files.readString(progress));
        demo.toHandle().destroy();
        assertTrue(demo.waitFor(1, TimeUnit.MINUTES), "the demo did not stop on SIGTERM");
        watcher.interrupt();
        assertNotEquals(0, demo.exitValue());
        assertTrue(children.size() >= 4, "the servers were running: " + children);
        Leftovers.assertNone(children, List.of(), tmp);
    }

    /**
     * Starts the demo with {@code --json} in {@code tmp} (so that a JVM crash file would land there too, and fail the
     * test); its progress (stderr) goes to {@code logs/progress.txt}.
     */
    private static Process start(Path tmp, Path logs) throws IOException {
        List<String> command = UpProcess.javaCommand(
                tmp,
                List.of(
                        "-Dtestbed.idp-server.jar=" + UpProcess.property("testbed.idp-server.jar"),
                        "-Dtestbed.signaling-server.jar=" + UpProcess.property("testbed.signaling-server.jar")),
                Demo.class.getName(),
                List.of("--json", "--logs", logs.toString()));
        return new ProcessBuilder(command)
                .directory(tmp.toFile())
                .redirectError(logs.resolve("progress.txt").toFile())
                .start();
    }

    /** Collects the demo's descendants while it runs (once it has ended they are no longer its). */
    private static Thread watchChildren(Process demo, List<ProcessHandle> children) {
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted() && demo.isAlive()) {
                demo.descendants().filter(child -> !children.contains(child)).forEach(children::add);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
        watcher.start();
        return watcher;
    }

    private static JsonNode facts(JsonNode steps, int number) {
        return steps.get(number - 1).path("facts");
    }

    private static Set<String> fieldNames(JsonNode json) {
        Set<String> names = new java.util.HashSet<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Path freshTmpDir(String name) throws IOException {
        Path parent = Files.createDirectories(Path.of("target", "demo-tmp"));
        return Files.createTempDirectory(parent.toAbsolutePath(), name + "-");
    }

    private static Path logDir(String name) throws IOException {
        return Files.createDirectories(
                Path.of(System.getProperty("testbed.log-dir", "target/testbed-logs"), "DemoIT-" + name)
                        .toAbsolutePath());
    }
}
