package org.callsign.benchmarks.idp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.callsign.benchmarks.ChildProcesses;

/**
 * A closed-loop load: {@code clients} threads, each with its own keep-alive connection, each sending the same request
 * again as soon as the previous answer arrived, for a warm-up and then a measured interval. Every answer is checked
 * (status 200 and an {@code {"assertion":"eyJ…"}} body); anything else, including an I/O failure, is an error,
 * counted in the warm-up too. Every latency of a request started in the measured interval is kept.
 */
final class ClosedLoop {
    private static final byte[] EXPECTED_PREFIX = "{\"assertion\":\"eyJ".getBytes(StandardCharsets.US_ASCII);

    private ClosedLoop() {}

    /** Runs the load and returns what was measured, with the CPU time of the server process {@code serverPid}. */
    static LoadResult run(
            Endpoint endpoint, byte[] request, int clients, Duration warmUp, Duration measured, long serverPid) {
        long start = System.nanoTime();
        long measureStart = start + warmUp.toNanos();
        long end = measureStart + measured.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicLong connects = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Client> workers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Client client = new Client(endpoint, request, measureStart, end, errors, connects, firstError);
            workers.add(client);
            client.thread.start();
        }
        sleepUntil(measureStart);
        ProcCpu.Snapshot serverBefore = ProcCpu.snapshot(serverPid);
        long clientBefore = ProcCpu.ofSelf();
        sleepUntil(end);
        ProcCpu.Snapshot serverAfter = ProcCpu.snapshot(serverPid);
        long clientCpuNanos = ProcCpu.ofSelf() - clientBefore;
        long serverCpuNanos = serverAfter.user() + serverAfter.system() - serverBefore.user() - serverBefore.system();
        Map<String, Long> serverThreads = serverAfter.since(serverBefore);
        String load = ProcCpu.loadAverage();
        int total = 0;
        for (Client client : workers) {
            join(client.thread);
            total += client.count;
        }
        long[] latencies = new long[total];
        int offset = 0;
        for (Client client : workers) {
            System.arraycopy(client.latencies, 0, latencies, offset, client.count);
            offset += client.count;
        }
        Arrays.sort(latencies);
        return new LoadResult(
                endpoint.scheme(),
                clients,
                measured,
                latencies,
                errors.get(),
                firstError.get(),
                connects.get(),
                serverCpuNanos,
                serverThreads,
                clientCpuNanos,
                load);
    }

    private static void sleepUntil(long nanoTime) {
        long remaining;
        while ((remaining = nanoTime - System.nanoTime()) > 0) {
            ChildProcesses.sleep(Math.max(1, remaining / 1_000_000));
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** One client: a connection and the latencies it measured. */
    private static final class Client implements Runnable {
        final Thread thread;
        long[] latencies = new long[1 << 16];
        int count;
        private final Endpoint endpoint;
        private final byte[] request;
        private final long measureStart;
        private final long end;
        private final AtomicLong errors;
        private final AtomicLong connects;
        private final AtomicReference<String> firstError;

        Client(
                Endpoint endpoint,
                byte[] request,
                long measureStart,
                long end,
                AtomicLong errors,
                AtomicLong connects,
                AtomicReference<String> firstError) {
            this.endpoint = endpoint;
            this.request = request;
            this.measureStart = measureStart;
            this.end = end;
            this.errors = errors;
            this.connects = connects;
            this.firstError = firstError;
            this.thread = new Thread(this, "load-client");
        }

        @Override
        public void run() {
            Http1Connection connection = new Http1Connection(endpoint);
            try {
                long sent;
                while ((sent = System.nanoTime()) < end) {
                    String error = exchange(connection);
                    long latency = System.nanoTime() - sent;
                    if (error != null) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, error);
                    } else if (sent >= measureStart) {
                        record(latency);
                    }
                }
            } finally {
                connects.addAndGet(connection.connects());
                try {
                    connection.close();
                } catch (IOException e) {
                    // Closing after the run: nothing to measure.
                }
            }
        }

        /** Sends the request; {@code null} if the answer is an assertion, else what went wrong. */
        private String exchange(Http1Connection connection) {
            try {
                Http1Connection.Response response = connection.exchange(request);
                byte[] body = response.body();
                if (response.status() != 200
                        || body.length < EXPECTED_PREFIX.length
                        || !Arrays.equals(
                                body, 0, EXPECTED_PREFIX.length, EXPECTED_PREFIX, 0, EXPECTED_PREFIX.length)) {
                    String text = response.text();
                    return "HTTP " + response.status() + ": " + text.substring(0, Math.min(200, text.length()));
                }
                return null;
            } catch (IOException | RuntimeException e) {
                try {
                    connection.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
                return e.toString();
            }
        }

        private void record(long latency) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = latency;
        }
    }
}
