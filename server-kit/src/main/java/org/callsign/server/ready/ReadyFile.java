package org.callsign.server.ready;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a service writes to its ready file ({@value #PROPERTY}) once it listens and its readiness checks are up: the
 * process id of its JVM and the port of each server, by scheme, as lines {@code key=value} ({@code pid=4242},
 * {@code https=8443}). A launcher that started the service waits for this file instead of polling
 * {@code /q/health/ready} over HTTPS, and trusts it only when the pid is its child's: a file left by an earlier run, or
 * by another process, never passes for the child's. {@link ReadyFileWriter} writes it atomically, so that a reader
 * sees the whole file or none.
 */
public record ReadyFile(long pid, SortedMap<String, Integer> ports) {
    /** The configuration key of the file's path in both services; absent, no file is written. */
    public static final String PROPERTY = "callsign.ready-file";

    /** The largest file read: a real one has a few dozen bytes. */
    public static final int MAX_BYTES = 1024;

    private static final String PID = "pid";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public ReadyFile {
        if (pid <= 0) {
            throw new IllegalArgumentException("not a process id: " + pid);
        }
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            if (!NAME.matcher(port.getKey()).matches() || port.getKey().equals(PID)) {
                throw new IllegalArgumentException("not a server name: " + port.getKey());
            }
            if (port.getValue() < 1 || port.getValue() > 65535) {
                throw new IllegalArgumentException("not a port (1 to 65535): " + port.getKey() + "=" + port.getValue());
            }
        }
        ports = Collections.unmodifiableSortedMap(new TreeMap<>(ports));
    }

    /** The content: {@code pid=<pid>}, then one line {@code <scheme>=<port>} per server, sorted by scheme. */
    public String format() {
        StringBuilder text = new StringBuilder(PID).append('=').append(pid).append('\n');
        ports.forEach((name, port) -> text.append(name).append('=').append(port).append('\n'));
        return text.toString();
    }

    /** Parses {@link #format()}'s output; refuses anything else, saying what is wrong. */
    public static ReadyFile parse(String text) {
        Long pid = null;
        SortedMap<String, Integer> ports = new TreeMap<>();
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException(text.isEmpty() ? "empty" : "no newline at the end");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String[] pair = lines[i].split("=", 2);
            if (pair.length != 2 || !pair[1].matches("[0-9]{1,18}")) {
                throw new IllegalArgumentException("line " + (i + 1) + " is not key=number");
            }
            long number = Long.parseLong(pair[1]);
            if (pair[0].equals(PID) ? pid != null : ports.containsKey(pair[0])) {
                throw new IllegalArgumentException("line " + (i + 1) + " repeats " + pair[0]);
            } else if (pair[0].equals(PID)) {
                pid = number;
            } else {
                ports.put(pair[0], (int) Math.min(number, Integer.MAX_VALUE));
            }
        }
        if (pid == null) {
            throw new IllegalArgumentException("no pid");
        }
        return new ReadyFile(pid, ports);
    }

    /**
     * The file written by process {@code pid}; empty while there is none.
     *
     * @throws IOException if it cannot be read, is not a ready file, or was written by another process
     */
    public static Optional<ReadyFile> readWrittenBy(Path file, long pid) throws IOException {
        ReadyFile ready;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException(file + ": larger than " + MAX_BYTES + " bytes");
            }
            ready = parse(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not a ready file: not ASCII", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": not a ready file: " + e.getMessage(), e);
        }
        if (ready.pid() != pid) {
            throw new IOException(file + ": written by process " + ready.pid() + ", not " + pid);
        }
        return Optional.of(ready);
    }
}
