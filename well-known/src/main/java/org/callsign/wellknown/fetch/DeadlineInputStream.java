package org.callsign.wellknown.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Bounds every read by the read timeout and by what is left of the fetch's total deadline, so that a server
 * trickling one byte at a time (slow loris) cannot hold the fetch past the deadline.
 */
final class DeadlineInputStream extends FilterInputStream {
    private final Socket socket;
    private final long readTimeoutMillis;
    private final long deadlineNanos;

    DeadlineInputStream(Socket socket, InputStream in, long readTimeoutMillis, long deadlineNanos) {
        super(in);
        this.socket = socket;
        this.readTimeoutMillis = readTimeoutMillis;
        this.deadlineNanos = deadlineNanos;
    }

    /** Sets the socket timeout for the next blocking operation; fails at once when the deadline has passed. */
    static void armTimeout(Socket socket, long readTimeoutMillis, long deadlineNanos) throws IOException {
        long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new SocketTimeoutException("total timeout");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(readTimeoutMillis, remainingMillis)));
    }

    @Override
    public int read() throws IOException {
        armTimeout(socket, readTimeoutMillis, deadlineNanos);
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        armTimeout(socket, readTimeoutMillis, deadlineNanos);
        return super.read(b, off, len);
    }
}
