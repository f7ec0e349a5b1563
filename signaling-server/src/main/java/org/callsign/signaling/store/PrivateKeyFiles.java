package org.callsign.signaling.store;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.callsign.server.store.OwnerOnlyFiles;

/**
 * Files that hold a private key (the federation signing key, the VAPID key): written whole or not at all, readable
 * only by their owner ({@code rw-------}), and refused when they are not, since a key that others could read may have
 * leaked (it is not tightened silently). Messages name the file, never its content.
 */
public final class PrivateKeyFiles {

    /** The longest key file read. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    private static final Logger LOG = System.getLogger(PrivateKeyFiles.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = OwnerOnlyFiles.FILE;

    private PrivateKeyFiles() {}

    /**
     * The UTF-8 text of a key file.
     *
     * @param what what the file holds, for messages ("federation key")
     * @throws java.nio.file.NoSuchFileException if there is none
     * @throws IOException if it cannot be read, is larger than {@link #MAX_FILE_BYTES}, is not UTF-8, or may be read
     *     or written by group or others
     */
    public static String read(Path file, String what) throws IOException {
        if (posix(file)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new IOException(what + " file " + file + " has permissions "
                        + PosixFilePermissions.toString(permissions)
                        + ", wider than rw-------; if the key cannot have leaked run chmod 600 on it, otherwise"
                        + " delete it and a new key will be generated");
            }
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(what + " file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException(what + " file " + file + " is not UTF-8 text");
        }
    }

    /**
     * Writes a new key file {@code rw-------}: a temporary file in the same directory (created {@code rwx------} if
     * missing), forced to disk, then renamed over {@code file}, so that a crash leaves the old file or the new one.
     */
    public static void write(Path file, String what, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            OwnerOnlyFiles.directory(dir);
        }
        boolean posix = posix(dir);
        Path temporary = posix
                ? Files.createTempFile(dir, ".key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".key", ".tmp");
        try {
            if (posix) {
                // createTempFile applies the umask; set the permissions exactly.
                Files.setPosixFilePermissions(temporary, OWNER_ONLY);
            } else {
                LOG.log(
                        Level.WARNING,
                        "{0}: file system has no POSIX permissions; restrict access to the {1}",
                        file,
                        what);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
