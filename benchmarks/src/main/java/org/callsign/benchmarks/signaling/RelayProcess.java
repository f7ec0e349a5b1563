package org.callsign.benchmarks.signaling;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.callsign.benchmarks.ChildProcesses;

/**
 * What the relays under test share: a name and a wire, a child process with a working directory of its own (removed
 * at the end) and a log, a start that is complete only once the server answers, and devices that need no account
 * (a relay with accounts registers its own).
 */
abstract class RelayProcess implements RelayTarget {
    private final String name;
    private final RelayWire wire;
    private final Process process;
    private final Path directory;
    private final Path log;

    RelayProcess(String name, RelayWire wire, Process process, Path directory, Path log) {
        this.name = name;
        this.wire = wire;
        this.process = process;
        this.directory = directory;
        this.log = log;
    }

    /** Waits until {@code ready} answers 200 and returns {@code relay}; stops it if it does not. */
    static <T extends RelayProcess> T awaitReady(T relay, URI ready, long timeoutMillis) throws IOException {
        try {
            RelayProcess started = relay;
            ChildProcesses.awaitReady(started.process, ready, timeoutMillis, started.log);
            return relay;
        } catch (RuntimeException e) {
            relay.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RelayWire wire() {
        return wire;
    }

    @Override
    public List<BenchDevice> devices(int count, int perClient) throws Exception {
        return BenchDevices.local(count, perClient);
    }

    @Override
    public List<Long> pids() {
        return List.of(process.pid());
    }

    @Override
    public boolean alive() {
        return process.isAlive();
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public void close() throws IOException {
        ChildProcesses.stop(process, directory);
    }
}
