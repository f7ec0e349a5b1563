package org.callsign.signaling.fingerprint.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.callsign.server.store.OwnerOnlyFiles;

/**
 * webexec's {@code authorized_fingerprints} format: one fingerprint per line; lines that are blank or start with
 * {@code #} are comments; text after the first space (or tab) is ignored by the check and kept here as a label; a
 * fingerprint is compared as upper-case hex without colons. Edits keep every other line as it was, comments included.
 * Writes are atomic: a new file is written and fsynced beside the old one, then renamed over it.
 */
public final class AuthorizedFingerprintsFile {

    /** The largest file read: about 10,000 lines of sha-512 fingerprints with labels. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** The header of a file this server creates. */
    public static final String HEADER = "# Fingerprints of devices allowed to connect, one per line (webexec's"
            + " authorized_fingerprints format).\n"
            + "# Hex with or without colons; text after the first space is a label; lines starting with # are"
            + " comments.\n";

    /**
     * One fingerprint line.
     *
     * @param fingerprint the fingerprint
     * @param label the text after it, stripped, or empty
     * @param line the line number, from 1
     */
    public record Entry(DeviceFingerprint fingerprint, String label, int line) {}

    /**
     * A parsed file.
     *
     * @param entries the valid fingerprint lines, first occurrence of each fingerprint only
     * @param problems one message per invalid line, naming the line number
     */
    public record Parsed(List<Entry> entries, List<String> problems) {}

    private AuthorizedFingerprintsFile() {}

    /** Parses the file's text. */
    public static Parsed parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("[ \t]", 2);
            try {
                DeviceFingerprint fingerprint = DeviceFingerprint.parse(parts[0]);
                if (entries.stream().noneMatch(entry -> entry.fingerprint().equals(fingerprint))) {
                    entries.add(new Entry(fingerprint, parts.length > 1 ? parts[1].strip() : "", i + 1));
                }
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Parsed(List.copyOf(entries), List.copyOf(problems));
    }

    /** The text with a line for {@code fingerprint} appended. */
    public static String withAdded(String text, DeviceFingerprint fingerprint, String label) {
        String base = text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
        return base + fingerprint.hex() + (label.isEmpty() ? "" : " " + label) + "\n";
    }

    /** The text without the lines of {@code fingerprint}; every other line kept as it was. */
    public static String withRemoved(String text, DeviceFingerprint fingerprint) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.lines().toList()) {
            String stripped = line.strip();
            boolean match = false;
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                try {
                    match = DeviceFingerprint.parse(stripped.split("[ \t]", 2)[0])
                            .equals(fingerprint);
                } catch (IllegalArgumentException e) {
                    match = false;
                }
            }
            if (!match) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    /** The file's text, or empty if it does not exist. */
    public static Optional<String> read(Path file) throws IOException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Replaces the file with {@code text} atomically and durably; the file is {@code rw-------}. */
    public static void write(Path file, String text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        OwnerOnlyFiles.directory(dir);
        Path temporary = dir.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        OwnerOnlyFiles.file(temporary);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            // The rename is durable once the directory is.
            directory.force(true);
        }
    }
}
