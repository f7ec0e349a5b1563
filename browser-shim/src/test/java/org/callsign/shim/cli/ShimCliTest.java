package org.callsign.shim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.callsign.shim.sdp.SdpFixtures;
import org.callsign.shim.sdp.SdpTamper;
import org.callsign.shim.sdp.SessionDescription;
import org.callsign.shim.testing.TestIdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code shim} CLI in-process: flags, stdout (only the SDP or one JSON object) and exit codes. */
class ShimCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestIdp idp;
    private static String idpHost;
    private static String resolve;

    @TempDir
    static Path dir;

    private static Path caFile;

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        idp = TestIdp.start().serveProxy("test-idp");
        idpHost = "idp-a.test:" + idp.server().port();
        resolve = idpHost + ":127.0.0.1";
        caFile = dir.resolve("ca.pem");
        Files.writeString(
                caFile,
                "-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(idp.ca().certificate().getEncoded())
                        + "\n-----END CERTIFICATE-----\n");
    }

    @AfterAll
    static void stop() {
        idp.close();
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new ShimCli(
                        new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path file(String name, String text) throws Exception {
        Path path = dir.resolve(name);
        Files.writeString(path, text);
        return path;
    }

    private static Run assertOffer(String sdpFile, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "assert",
                "--idp",
                idpHost,
                "--protocol",
                "test-idp",
                "--origin",
                "https://app.example",
                "--sdp",
                sdpFile,
                "--ca-file",
                caFile.toString(),
                "--resolve",
                resolve));
        args.addAll(List.of(extra));
        return run("", args.toArray(String[]::new));
    }

    private static Run verify(String sdpFile, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "verify",
                "--origin",
                "https://app.example",
                "--sdp",
                sdpFile,
                "--ca-file",
                caFile.toString(),
                "--resolve",
                resolve));
        args.addAll(List.of(extra));
        return run("", args.toArray(String[]::new));
    }

    @Test
    void assertThenVerify() throws Exception {
        Run asserted = assertOffer(
                file("offer.sdp", SdpFixtures.read(SdpFixtures.CHROMIUM_OFFER)).toString());
        assertEquals(0, asserted.exit(), asserted.err());
        SessionDescription sdp = SessionDescription.parse(asserted.out());
        assertTrue(sdp.identity().isPresent());

        Run verified = verify(file("asserted.sdp", asserted.out()).toString());

        assertEquals(0, verified.exit(), verified.out());
        JsonNode json = verified.json();
        assertEquals("verified", json.get("status").asText());
        assertEquals("alice@idp-a.test", json.get("identity").asText());
        assertEquals(idpHost, json.get("idp").get("domain").asText());
        assertEquals("test-idp", json.get("idp").get("protocol").asText());
        assertEquals(3, json.size());
    }

    @Test
    void verifyReadsStandardInputAndReportsAbsence() throws Exception {
        Run run = run(
                SdpFixtures.read(SdpFixtures.CHROMIUM_OFFER),
                "verify",
                "--origin",
                "https://app.example",
                "--sdp",
                "-");

        assertEquals(3, run.exit());
        assertEquals("{\"status\":\"absent\"}", run.out().trim());
    }

    @Test
    void tamperedFingerprintFails() throws Exception {
        SessionDescription asserted =
                SessionDescription.parse(assertOffer(file("o2.sdp", SdpFixtures.read(SdpFixtures.CHROMIUM_OFFER))
                                .toString())
                        .out());
        String digest = asserted.fingerprints().get(0).digest();
        SessionDescription tampered = SdpTamper.replaceFingerprintDigest(asserted, 0, "00" + digest.substring(2));

        Run run = verify(file("tampered.sdp", tampered.toString()).toString());

        assertEquals(1, run.exit());
        assertEquals("failed", run.json().get("status").asText());
        assertEquals("fingerprint-not-covered", run.json().get("error").asText());
    }

    @Test
    void peerIdentityAndTrustedIdpFlags() throws Exception {
        Path asserted = file(
                "a3.sdp",
                assertOffer(file("o3.sdp", SdpFixtures.read(SdpFixtures.CHROMIUM_OFFER))
                                .toString())
                        .out());

        Run wrongPeer = verify(asserted.toString(), "--peer-identity", "per@idp-a.test");
        assertEquals(1, wrongPeer.exit());
        assertEquals("peer-identity-mismatch", wrongPeer.json().get("error").asText());
        assertEquals(
                0,
                verify(asserted.toString(), "--peer-identity", "alice@idp-a.test")
                        .exit());

        idp.identity("carol@corp.test");
        try {
            Path third = file(
                    "a4.sdp",
                    assertOffer(file("o4.sdp", SdpFixtures.read(SdpFixtures.CHROMIUM_OFFER))
                                    .toString())
                            .out());
            assertEquals(
                    "domain-mismatch",
                    verify(third.toString()).json().get("error").asText());
            Run trusted = verify(third.toString(), "--trusted-idp", "idp-a.test=corp.test");
            assertEquals(0, trusted.exit(), trusted.out());
            assertEquals("carol@corp.test", trusted.json().get("identity").asText());
        } finally {
            idp.identity("alice@idp-a.test");
        }
    }

    @Test
    void loginFailureCarriesTheLoginUrl() throws Exception {
        idp.loggedIn(false);
        try {
            Run run = assertOffer(
                    file("o5.sdp", SdpFixtures.read(SdpFixtures.CHROMIUM_OFFER)).toString());

            assertEquals(1, run.exit());
            assertEquals("idp-need-login", run.json().get("error").asText());
            assertEquals(
                    "https://" + idpHost + "/login",
                    run.json().get("idpLoginUrl").asText());
        } finally {
            idp.loggedIn(true);
        }
    }

    @Test
    void malformedSdpIsAFailureNotAUsageError() throws Exception {
        Run run = verify(file("bad.sdp", "this is not sdp").toString());

        assertEquals(1, run.exit());
        assertEquals("sdp-malformed", run.json().get("error").asText());
    }

    @Test
    void withoutTheTestCaTheIdpIsATlsFailure() throws Exception {
        Path asserted = file(
                "a6.sdp",
                assertOffer(file("o6.sdp", SdpFixtures.read(SdpFixtures.CHROMIUM_OFFER))
                                .toString())
                        .out());

        Run run = run(
                "", "verify", "--origin", "https://app.example", "--sdp", asserted.toString(), "--resolve", resolve);

        assertEquals(1, run.exit());
        assertEquals("idp-tls-failure", run.json().get("error").asText());
    }

    @Test
    void usageErrorsExitTwoAndKeepStdoutEmpty() throws Exception {
        String sdp = file("u.sdp", SdpFixtures.read(SdpFixtures.CHROMIUM_OFFER)).toString();
        List<String[]> cases = List.of(
                new String[] {},
                new String[] {"frobnicate"},
                new String[] {"verify", "--sdp", sdp},
                new String[] {"verify", "--origin", "https://a", "--sdp", sdp, "--bogus"},
                new String[] {
                    "verify",
                    "--origin",
                    "https://a",
                    "--sdp",
                    dir.resolve("missing.sdp").toString()
                },
                new String[] {"verify", "--origin", "https://a", "--sdp", sdp, "--timeout-ms", "abc"},
                new String[] {"verify", "--origin", "https://a", "--sdp", sdp, "--resolve", "nonsense"},
                new String[] {"verify", "--origin", "https://a", "--sdp", sdp, "--trusted-idp", "novalue"},
                new String[] {"assert", "--origin", "https://a", "--sdp", sdp});
        for (String[] args : cases) {
            Run run = run("", args);
            assertEquals(2, run.exit(), String.join(" ", args));
            assertEquals("", run.out(), String.join(" ", args));
            assertFalse(run.err().isEmpty());
        }
    }
}
