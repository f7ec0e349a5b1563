package org.callsign.testbed.up;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataCacheTest {
    private static final List<String> OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx128m");

    @TempDir
    Path temp;

    private Path jar;
    private Path cacheDir;

    @BeforeEach
    void packagedApplication() throws IOException {
        Path app = Files.createDirectories(temp.resolve("quarkus-app"));
        jar = Files.writeString(app.resolve("quarkus-run.jar"), "runner");
        Files.createDirectories(app.resolve("lib/main"));
        Files.writeString(app.resolve("lib/main/a.jar"), "library");
        cacheDir = Files.createDirectories(temp.resolve("cache"));
    }

    private ClassDataCache cache(String service) throws IOException {
        return ClassDataCache.of(cacheDir, service, jar, "/jdk", "17.0.15+6", OPTIONS);
    }

    @Test
    void recordsWhenThereIsNoCacheThenUsesTheOneKept() throws IOException {
        ClassDataCache first = cache("idp-server");
        assertTrue(first.recording());
        String record = first.jvmOptions().get(0);
        assertTrue(record.startsWith("-XX:ArchiveClassesAtExit=" + first.file() + ".recording-"), record);
        Files.writeString(Path.of(record.substring(record.indexOf('=') + 1)), "archive");

        first.afterExit(143);

        assertEquals("archive", Files.readString(first.file()));
        ClassDataCache second = cache("idp-server");
        assertFalse(second.recording());
        assertEquals(
                List.of("-XX:SharedArchiveFile=" + first.file(), "-Xlog:cds=off,cds+dynamic=off"), second.jvmOptions());
        try (var files = Files.list(cacheDir)) {
            assertEquals(List.of(first.file()), files.toList(), "only the cache is left");
        }
    }

    @Test
    void recordingOfAServiceThatDidNotStopCleanlyIsDiscarded() throws IOException {
        ClassDataCache first = cache("idp-server");
        String record = first.jvmOptions().get(0);
        Path recording = Path.of(record.substring(record.indexOf('=') + 1));
        Files.writeString(recording, "half an archive");

        first.afterExit(137);

        assertFalse(Files.exists(first.file()));
        assertFalse(Files.exists(recording));
        assertTrue(cache("idp-server").recording());
    }

    @Test
    void keyingTheCacheTakesTheJdkTheOptionsAndEveryFileOfTheBuild() throws IOException {
        String key = ClassDataCache.key(jar, "/jdk", "17.0.15+6", OPTIONS);
        assertEquals(key, ClassDataCache.key(jar, "/jdk", "17.0.15+6", OPTIONS));
        assertEquals(16, key.length());
        assertNotEquals(key, ClassDataCache.key(jar, "/other-jdk", "17.0.15+6", OPTIONS));
        assertNotEquals(key, ClassDataCache.key(jar, "/jdk", "17.0.16+8", OPTIONS));
        assertNotEquals(key, ClassDataCache.key(jar, "/jdk", "17.0.15+6", List.of("-XX:+UseSerialGC")));
        Path library = jar.resolveSibling("lib/main/a.jar");
        Files.setLastModifiedTime(
                library, FileTime.fromMillis(Files.getLastModifiedTime(library).toMillis() + 1000));
        String rebuilt = ClassDataCache.key(jar, "/jdk", "17.0.15+6", OPTIONS);
        assertNotEquals(key, rebuilt);
        Files.writeString(jar.resolveSibling("lib/main/b.jar"), "another library");
        assertNotEquals(rebuilt, ClassDataCache.key(jar, "/jdk", "17.0.15+6", OPTIONS));
    }

    @Test
    void keepingACacheRemovesTheServicesOlderOnesButNotTheOtherServices() throws IOException {
        Path older = Files.writeString(cacheDir.resolve("idp-server-0123456789abcdef.jsa"), "old build");
        Path other = Files.writeString(cacheDir.resolve("signaling-server-0123456789abcdef.jsa"), "other service");
        ClassDataCache cache = cache("idp-server");
        String record = cache.jvmOptions().get(0);
        Files.writeString(Path.of(record.substring(record.indexOf('=') + 1)), "archive");

        cache.afterExit(0);

        assertTrue(Files.exists(cache.file()));
        assertFalse(Files.exists(older));
        assertTrue(Files.exists(other));
    }

    @Test
    void aCacheTheServiceDidNotMapIsRemovedSoThatTheNextStartRecordsAgain() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs /proc");
        Files.writeString(cache("idp-server").file(), "not an archive");
        ClassDataCache refused = cache("idp-server");
        assertFalse(refused.recording());

        refused.afterReady(ProcessHandle.current());

        assertFalse(Files.exists(refused.file()));
        assertTrue(cache("idp-server").recording());
    }

    @Test
    void aMappedCacheStaysWhenTheDataDirectoryIsReachedThroughASymbolicLink() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs /proc");
        Path linked = Files.createSymbolicLink(temp.resolve("linked-cache"), cacheDir);
        ClassDataCache cache = ClassDataCache.of(linked, "idp-server", jar, "/jdk", "17.0.15+6", OPTIONS);
        Path file = Files.writeString(cache.file(), "an archive");
        try (FileChannel channel = FileChannel.open(file)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            ClassDataCache.of(linked, "idp-server", jar, "/jdk", "17.0.15+6", OPTIONS)
                    .afterReady(ProcessHandle.current());
            assertTrue(Files.exists(file));
            assertEquals('a', mapped.get(0));
        }
    }

    @Test
    void aCacheTheServiceMappedStays() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs /proc");
        Path file = Files.writeString(cache("idp-server").file(), "an archive");
        try (FileChannel channel = FileChannel.open(file)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            cache("idp-server").afterReady(ProcessHandle.current());
            assertTrue(Files.exists(file));
            assertEquals('a', mapped.get(0));
        }
    }
}
