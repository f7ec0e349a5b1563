package org.callsign.testbed.up;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A service's class-data cache, from which its JVM starts with classes already parsed, verified and laid out instead
 * of loading them from the jars: a dynamic AppCDS archive (JEP 350, {@code -XX:ArchiveClassesAtExit}). A start without
 * a cache records one, which the JVM writes when the service stops normally; later starts use it ({@code
 * -XX:SharedArchiveFile}). On JDK 25 the AOT cache (JEP 483 and 514) started the signaling server no faster and with
 * more memory, and writing it took a second JVM about 20 s when the services stopped (docs/benchmarks.md), so every JDK
 * gets the AppCDS archive.
 *
 * <p>The file is named by a key over the JDK ({@code java.home}, {@code java.vm.version}), the packaged application
 * (every file of {@code quarkus-app}: path, size, modification time) and the JVM options, so that a cache made for
 * another JDK, build or options is never offered; when a new one is kept, the service's others are removed. A JVM that
 * cannot use a cache all the same starts without it ({@code -Xshare:auto}, the default);
 * {@link #afterReady} then finds the file not mapped into the service and removes it, so that the next start records a
 * new one. No problem with the cache stops a service: at worst it starts without one.
 */
public final class ClassDataCache {
    /** Exit statuses after which a recorded cache is complete: a normal exit, SIGINT, SIGTERM. */
    private static final Set<Integer> CLEAN_EXITS = Set.of(0, 130, 143);

    private final Path cache;
    private final Path recording;

    private ClassDataCache(Path cache, Path recording) {
        this.cache = cache;
        this.recording = recording;
    }

    /**
     * The cache of {@code service} (packaged as {@code jar}, run by the JDK at {@code javaHome} of version
     * {@code vmVersion} with {@code jvmOptions}) in {@code directory}.
     */
    public static ClassDataCache of(
            Path directory, String service, Path jar, String javaHome, String vmVersion, List<String> jvmOptions)
            throws IOException {
        String key = key(jar, javaHome, vmVersion, jvmOptions);
        Path cache = directory.resolve(service + "-" + key + ".jsa");
        Path recording = Files.isRegularFile(cache)
                ? null
                : directory.resolve(service + "-" + key + ".jsa.recording-"
                        + ProcessHandle.current().pid());
        return new ClassDataCache(cache, recording);
    }

    /** The cache of {@code service} for the JDK running this process. */
    public static ClassDataCache forThisJvm(Path directory, String service, Path jar, List<String> jvmOptions)
            throws IOException {
        return of(
                directory,
                service,
                jar,
                System.getProperty("java.home"),
                System.getProperty("java.vm.version"),
                jvmOptions);
    }

    /** The cache's file (present or not). */
    public Path file() {
        return cache;
    }

    /** Whether this start records the cache rather than using it. */
    public boolean recording() {
        return recording != null;
    }

    /** The JVM options that use the cache, or record it when there is none. */
    public List<String> jvmOptions() {
        // The classes it cannot archive, or a cache it cannot use, are the JVM's business, not the service log's.
        return List.of(
                recording != null ? "-XX:ArchiveClassesAtExit=" + recording : "-XX:SharedArchiveFile=" + cache,
                "-Xlog:cds=off,cds+dynamic=off");
    }

    /**
     * Once the service is ready: a cache it was offered but has not mapped (the JVM refused it: another JDK build,
     * a damaged file) is removed, so that the next start records a new one. Only where {@code /proc} shows the
     * mappings (Linux); elsewhere a refused cache stays and costs nothing but a few checks at start.
     */
    public void afterReady(ProcessHandle service) {
        if (recording != null) {
            return;
        }
        Path maps = Path.of("/proc", Long.toString(service.pid()), "maps");
        try {
            // The kernel names a mapped file by its real path, without the symbolic links of the data directory's.
            if (Files.isReadable(maps)
                    && service.isAlive()
                    && !Files.readString(maps, StandardCharsets.UTF_8)
                            .contains(cache.toRealPath().toString())) {
                Files.deleteIfExists(cache);
            }
        } catch (IOException | UncheckedIOException e) {
            // The service may have exited meanwhile; the cache is checked again at the next start.
        }
    }

    /**
     * Once the service has exited with {@code status}: a cache recorded by a clean exit becomes the cache (and the
     * service's other caches are removed), anything else recorded is removed.
     */
    public synchronized void afterExit(int status) {
        if (recording == null || !Files.exists(recording)) {
            return;
        }
        try {
            if (CLEAN_EXITS.contains(status) && Files.size(recording) > 0) {
                removeOthers();
                Files.move(recording, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException ignored) {
                // Left for the next kept cache to remove.
            }
        }
    }

    /** The service's caches other than this one, and recordings that stopped launchers left behind. */
    private void removeOthers() throws IOException {
        String name = cache.getFileName().toString();
        String prefix = name.substring(0, name.lastIndexOf('-') + 1);
        try (Stream<Path> files = Files.list(cache.getParent())) {
            for (Path file : files.toList()) {
                if (file.getFileName().toString().startsWith(prefix) && !file.equals(recording)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** 16 hex digits of SHA-256 over the JDK, the JVM options and every file of the packaged application. */
    static String key(Path jar, String javaHome, String vmVersion, List<String> jvmOptions) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
        List<String> parts = new ArrayList<>(List.of(javaHome, vmVersion));
        parts.addAll(jvmOptions);
        Path app = jar.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.walk(app)) {
            for (Path file : files.sorted().toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.isRegularFile()) {
                    parts.add(app.relativize(file) + " " + attributes.size() + " "
                            + attributes.lastModifiedTime().toMillis());
                }
            }
        }
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }
}
