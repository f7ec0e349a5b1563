package org.callsign.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a launcher command ({@code up}, {@code demo}) must not leave behind once it has ended: processes, bound ports,
 * files in its temporary directory.
 */
final class Leftovers {
    private Leftovers() {}

    /**
     * Fails unless every process of {@code processes} has ended, every port of {@code ports} can be bound on loopback,
     * {@code tmpDir} (the command's {@code java.io.tmpdir}) is empty, and no process still running names
     * {@code tmpDir} in its command line.
     */
    static void assertNone(Collection<ProcessHandle> processes, Collection<Integer> ports, Path tmpDir)
            throws IOException {
        for (ProcessHandle process : processes) {
            assertTrue(
                    process.onExit()
                            .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                            .handle((done, timeout) -> timeout == null)
                            .join(),
                    "left running: " + process.pid() + " "
                            + process.info().commandLine().orElse(""));
        }
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, socket.getLocalPort());
            } catch (IOException e) {
                throw new AssertionError("port " + port + " still in use: " + e.getMessage(), e);
            }
        }
        try (Stream<Path> files = Files.walk(tmpDir)) {
            List<Path> left = files.filter(file -> !file.equals(tmpDir)).toList();
            assertEquals(List.of(), left, "left in the temporary directory " + tmpDir);
        }
        List<String> naming = ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().commandLine().orElse(""))
                .filter(command -> command.contains(tmpDir.toString()))
                .toList();
        assertEquals(List.of(), naming, "processes still running from " + tmpDir);
    }
}
