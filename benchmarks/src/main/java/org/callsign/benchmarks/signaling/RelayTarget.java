package org.callsign.benchmarks.signaling;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.callsign.benchmarks.idp.ProcCpu;

/**
 * A relay under test, as the load generator sees it: a server in a child process on loopback that devices connect to
 * over WebSocket and whose messages follow a {@link RelayWire}. The load, its timing and the CPU figures are the same
 * for every relay; what differs is here: how devices come to exist, how one connects, and how the server's memory is
 * read.
 */
interface RelayTarget extends AutoCloseable {

    /** Its name in reports: {@code signaling-server}, {@code signaling-cluster}, {@code peerjs}, {@code echo-floor}. */
    String name();

    /** How its devices frame the call's messages. */
    RelayWire wire();

    /** {@code count} devices, {@code perClient} to a client (calls are between devices of one client). */
    List<BenchDevice> devices(int count, int perClient) throws Exception;

    /** Opens {@code device}'s WebSocket with {@code socket}; the relay's greeting is the wire's to recognise. */
    CompletableFuture<WebSocket> connect(HttpClient http, BenchDevice device, DeviceSocket socket);

    /** The server's processes: one, or a cluster's nodes and its Redis, whose CPU time and memory add up. */
    List<Long> pids();

    /** Whether every process of the server is still running. */
    boolean alive();

    /**
     * Memory held by live objects after a full collection, in bytes: the JVM's heap, or V8's for Node; for a cluster
     * the sum of its nodes' and its Redis's.
     */
    long liveHeapBytes();

    /** The CPU time of the server's processes so far, together, in nanoseconds. */
    default long cpuNanos() {
        return pids().stream().mapToLong(ProcCpu::ofProcess).sum();
    }

    /** The resident set size of the server's processes, together, in bytes. */
    default long residentBytes() {
        return pids().stream().mapToLong(HeapProbe::residentBytes).sum();
    }

    /** Where its output goes: a file, or for a server of several processes a pattern that names their files. */
    Path log();

    @Override
    void close() throws IOException;
}
