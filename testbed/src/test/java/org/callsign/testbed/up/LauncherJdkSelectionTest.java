package org.callsign.testbed.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the {@code ./callsign} script picks its JDK: from each JDK's {@code release} file, without starting a JVM, also
 * for the {@code java} on the PATH when it is a link into a JDK. The fake JDKs here have versions no real one has (97
 * to 99), so they win over whatever {@code /usr/lib/jvm} holds, and their {@code java} leaves a mark when it is run.
 */
class LauncherJdkSelectionTest {
    private static final Path SCRIPT =
            Path.of("..", "callsign").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private Path marks;

    @BeforeEach
    void realTemp() throws IOException {
        temp = temp.toRealPath();
        marks = Files.createDirectories(temp.resolve("marks"));
    }

    @Test
    void readsTheVersionOfJavaOnThePathFromTheReleaseFileOfTheJdkItLinksTo() throws Exception {
        Path jdk = fakeJdk("jdk-98", "98.0.1", true);

        String out = version(Map.of("PATH", linkedOnPath(jdk) + ":/usr/bin:/bin"));

        assertTrue(out.contains("JDK 98 (" + jdk + ")"), out);
        assertEquals(List.of(), marks(), "the java on the PATH was started");
    }

    @Test
    void readsTheVersionOfJavaHomeFromItsReleaseFile() throws Exception {
        Path jdk = fakeJdk("jdk-99", "99", true);

        String out = version(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString()));

        assertTrue(out.contains("JDK 99 (" + jdk + ")"), out);
        assertEquals(List.of(), marks(), "JAVA_HOME's java was started");
    }

    @Test
    void startsJavaOnThePathWhenNoReleaseFileTellsItsVersion() throws Exception {
        Path jdk = fakeJdk("jdk-97", "97.0.2", false);

        String out = version(Map.of("PATH", linkedOnPath(jdk) + ":/usr/bin:/bin"));

        assertTrue(out.contains("JDK 97 (" + jdk + ")"), out);
        assertFalse(marks().isEmpty(), "the version was not asked of java itself");
    }

    /** A JDK directory whose {@code bin/java} prints what {@code -version} and {@code -XshowSettings} would. */
    private Path fakeJdk(String name, String version, boolean releaseFile) throws IOException {
        Path home = Files.createDirectories(temp.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(
                java,
                "#!/bin/sh\n"
                        + "touch '" + marks.resolve(name) + "'\n"
                        + "echo 'openjdk version \"" + version + "\" 2099-01-01' >&2\n"
                        + "echo '    java.home = " + home + "' >&2\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (releaseFile) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        }
        return home;
    }

    /** A directory for the PATH whose {@code java} is a link to the JDK's, as Debian's {@code /usr/bin/java} is. */
    private Path linkedOnPath(Path jdk) throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), jdk.resolve("bin/java"));
        return bin;
    }

    private List<String> marks() throws IOException {
        try (var files = Files.list(marks)) {
            return files.map(path -> path.getFileName().toString()).toList();
        }
    }

    private static String version(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", SCRIPT.toString(), "version").redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "./callsign version did not end");
        assertEquals(0, process.exitValue(), out);
        return out;
    }
}
