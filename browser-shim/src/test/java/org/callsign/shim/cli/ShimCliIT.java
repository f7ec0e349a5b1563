package org.callsign.shim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.callsign.shim.sdp.SdpFixtures;
import org.callsign.shim.testing.TestIdp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI as users run it: a separate JVM on {@code target/browser-shim-*.jar} and
 * {@code target/lib}, with stdout holding only the SDP or one JSON object.
 */
class ShimCliIT {
    @TempDir
    Path dir;

    private Process start(List<String> args) throws Exception {
        Path target = Path.of("target");
        String jar;
        try (var files = Files.list(target)) {
            jar = files.map(Path::toString)
                    .filter(name -> name.matches(".*browser-shim-[^/]*\\.jar") && !name.endsWith("-tests.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no packaged jar in target/"));
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                jar + File.pathSeparator + target.resolve("lib") + File.separator + "*",
                "org.callsign.shim.cli.ShimCli"));
        command.addAll(args);
        return new ProcessBuilder(command)
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    private String[] run(List<String> args) throws Exception {
        Process process = start(args);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "CLI did not exit");
        return new String[] {String.valueOf(process.exitValue()), out};
    }

    @Test
    void packagedCliAssertsAndVerifies() throws Exception {
        try (TestIdp idp = TestIdp.start().serveProxy("test-idp")) {
            String host = "idp-a.test:" + idp.server().port();
            Path ca = dir.resolve("ca.pem");
            Files.writeString(
                    ca,
                    "-----BEGIN CERTIFICATE-----\n"
                            + Base64.getMimeEncoder()
                                    .encodeToString(idp.ca().certificate().getEncoded())
                            + "\n-----END CERTIFICATE-----\n");
            Path offer = dir.resolve("offer.sdp");
            Files.writeString(offer, SdpFixtures.read(SdpFixtures.CHROMIUM_OFFER));
            List<String> common = List.of(
                    "--origin", "https://app.example", "--ca-file", ca.toString(), "--resolve", host + ":127.0.0.1");

            List<String> assertArgs = new ArrayList<>(
                    List.of("assert", "--idp", host, "--protocol", "test-idp", "--sdp", offer.toString()));
            assertArgs.addAll(common);
            String[] asserted = run(assertArgs);
            assertEquals("0", asserted[0], Files.readString(dir.resolve("stderr.txt")));
            assertTrue(asserted[1].startsWith("v=0\r\n"));
            assertTrue(asserted[1].contains("\r\na=identity:"));

            Path signed = dir.resolve("signed.sdp");
            Files.writeString(signed, asserted[1]);
            List<String> verifyArgs = new ArrayList<>(List.of("verify", "--sdp", signed.toString()));
            verifyArgs.addAll(common);
            String[] verified = run(verifyArgs);
            assertEquals("0", verified[0]);
            JsonNode json = new ObjectMapper().readTree(verified[1]);
            assertEquals("verified", json.get("status").asText());
            assertEquals("alice@idp-a.test", json.get("identity").asText());
            assertEquals(1, verified[1].trim().split("\n").length, "one JSON object and nothing else");
        }
    }
}
