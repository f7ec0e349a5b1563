package org.callsign.testbed.firefox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A throw-away Firefox profile: a {@code user.js} that sends every request through the testbed's {@link ConnectProxy},
 * lets ICE use loopback and turns off what a first start would fetch or show, and an NSS database that trusts the
 * testbed's CA (imported with {@code certutil}, as an administrator would).
 */
final class FirefoxProfile {
    private FirefoxProfile() {}

    /** Writes the profile into {@code directory} (which must exist and be empty). */
    static void write(Path directory, Path caPem, int proxyPort) throws IOException, InterruptedException {
        String prefs = FirefoxPage.resource("user.js");
        for (String scheme : List.of("http", "ssl")) {
            prefs += "user_pref(\"network.proxy." + scheme + "\", \"127.0.0.1\");\n";
            prefs += "user_pref(\"network.proxy." + scheme + "_port\", " + proxyPort + ");\n";
        }
        Files.writeString(directory.resolve("user.js"), prefs);
        certutil(directory, "-N", "--empty-password");
        certutil(directory, "-A", "-n", "callsign-test", "-t", "C,,", "-i", caPem.toString());
    }

    private static void certutil(Path profile, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(FirefoxEsr.CERTUTIL.toString(), "-d", "sql:" + profile));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("certutil " + String.join(" ", arguments) + " failed: " + output.strip());
        }
    }

    /** Removes {@code directory} and everything in it. */
    static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> all =
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).collect(Collectors.toList());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        }
    }
}
