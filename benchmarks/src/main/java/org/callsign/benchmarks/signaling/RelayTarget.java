package org.callsign.benchmarks.signaling;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A relay under test, as the load generator sees it: a server in a child process on loopback that devices connect to
 * over WebSocket and whose messages follow a {@link RelayWire}. The load, its timing and the CPU figures are the same
 * for every relay; what differs is here: how devices come to exist, how one connects, and how the server's memory is
 * read.
 */
interface RelayTarget extends AutoCloseable {

    /** Its name in reports: {@code signaling-server}, {@code peerjs}, {@code echo-floor}. */
    String name();

    /** How its devices frame the call's messages. */
    RelayWire wire();

    /** {@code count} devices, {@code perClient} to a client (calls are between devices of one client). */
    List<BenchDevice> devices(int count, int perClient) throws Exception;

    /** Opens {@code device}'s WebSocket with {@code listener}; the relay's greeting is the wire's to recognise. */
    CompletableFuture<WebSocket> connect(HttpClient http, BenchDevice device, WebSocket.Listener listener);

    /** The server's process id, for its CPU time. */
    long pid();

    /** Whether the server is still running. */
    boolean alive();

    /** Memory held by live objects after a full collection, in bytes: the JVM's heap, or V8's for Node. */
    long liveHeapBytes();

    /** The server's resident set size, in bytes. */
    default long residentBytes() {
        return HeapProbe.residentBytes(pid());
    }

    /** Where its output goes. */
    Path log();

    @Override
    void close() throws IOException;
}
