package org.callsign.server.store;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates directories and files that only their owner can read: {@code rwx------} and {@code rw-------} on POSIX
 * file systems. The data directory holds private signing keys, so existing entries with wider permissions are
 * tightened rather than trusted. On a file system without POSIX permissions a warning is logged once per path.
 */
public final class OwnerOnlyFiles {

    /** {@code rwx------}. */
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** {@code rw-------}. */
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = System.getLogger(OwnerOnlyFiles.class.getName());

    private OwnerOnlyFiles() {}

    /** Creates {@code dir} and any missing parents as {@code rwx------}, and tightens {@code dir} itself. */
    public static void directory(Path dir) throws IOException {
        if (!posix(dir)) {
            Files.createDirectories(dir);
            LOG.log(
                    Level.WARNING,
                    "{0}: file system has no POSIX permissions; restrict access to it by other means",
                    dir);
            return;
        }
        Files.createDirectories(dir, attribute(DIRECTORY));
        tighten(dir, DIRECTORY);
    }

    /** Creates {@code file} empty as {@code rw-------} unless it exists, and tightens it if it does. */
    public static void file(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        try {
            Files.createFile(file, attribute(FILE));
        } catch (FileAlreadyExistsException e) {
            // Existing store: keep its content, fix its permissions below.
        }
        tighten(file, FILE);
    }

    private static void tighten(Path path, Set<PosixFilePermission> wanted) throws IOException {
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(path);
        if (!actual.equals(wanted)) {
            // Files.create* applies the umask to the requested permissions; set them exactly.
            Files.setPosixFilePermissions(path, wanted);
            LOG.log(
                    Level.DEBUG,
                    "{0}: permissions {1} set to {2}",
                    path,
                    PosixFilePermissions.toString(actual),
                    PosixFilePermissions.toString(wanted));
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<Set<PosixFilePermission>> attribute(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }
}
