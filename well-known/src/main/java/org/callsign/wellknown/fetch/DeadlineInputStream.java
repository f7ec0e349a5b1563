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
    private long bytesRead;

    /** A timeout caused by the total deadline rather than by a silent server. */
    static final class DeadlineExceededException extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;

        DeadlineExceededException() {
            super("total timeout");
        }
    }

    DeadlineInputStream(Socket socket, InputStream in, long readTimeoutMillis, long deadlineNanos) {
        super(in);
        this.socket = socket;
        this.readTimeoutMillis = readTimeoutMillis;
        this.deadlineNanos = deadlineNanos;
    }

    /**
     * Runs a blocking socket operation with the socket timeout set to the smaller of the read timeout and
     * the time left; a timeout that the deadline imposed surfaces as {@link DeadlineExceededException}.
     */
    static <T> T withTimeout(Socket socket, long readTimeoutMillis, long deadlineNanos, IoCall<T> call)
            throws IOException {
        long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new DeadlineExceededException();
        }
        boolean deadlineBound = remainingMillis < readTimeoutMillis;
        socket.setSoTimeout((int) Math.max(1, Math.min(readTimeoutMillis, remainingMillis)));
        try {
            return call.run();
        } catch (SocketTimeoutException e) {
            throw deadlineBound ? new DeadlineExceededException() : e;
        }
    }

    /** A blocking socket operation. */
    @FunctionalInterface
    interface IoCall<T> {
        T run() throws IOException;
    }

    /** Bytes read so far: none means the peer had sent nothing before a failure. */
    long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read() throws IOException {
        int b = withTimeout(socket, readTimeoutMillis, deadlineNanos, super::read);
        if (b >= 0) {
            bytesRead++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = withTimeout(socket, readTimeoutMillis, deadlineNanos, () -> super.read(b, off, len));
        if (n > 0) {
            bytesRead += n;
        }
        return n;
    }
}
