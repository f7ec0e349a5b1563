package org.callsign.shim.sandbox;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.graalvm.polyglot.Context;

/**
 * Stops realms that run past their deadline or allocate more than their budget, by cancelling their
 * context from another thread ({@link Context#close(boolean)}). Allocation is measured per thread with
 * {@code com.sun.management.ThreadMXBean}: the community edition of GraalJS has no heap limit, and a
 * memory bomb allocates on the thread that runs it. Polls every {@link #POLL_MILLIS} ms while it watches anything, and
 * not at all while it does not, so that an idle server does not wake up for it.
 */
final class Watchdog implements AutoCloseable {
    static final long POLL_MILLIS = 5;

    /** Why an operation was stopped. */
    enum Stop {
        DEADLINE,
        ALLOCATION
    }

    /** One watched operation; {@link #stopped()} says whether and why the watchdog cancelled it. */
    static final class Watch implements AutoCloseable {
        private final Watchdog owner;
        private final Context context;
        private final long threadId;
        private final long startAllocated;
        private final long deadlineNanos;
        private final long allocationLimit;
        private final AtomicReference<Stop> stopped = new AtomicReference<>();

        private Watch(Watchdog owner, Context context, long deadlineNanos, long allocationLimit) {
            this.owner = owner;
            this.context = context;
            this.threadId = Thread.currentThread().getId();
            this.startAllocated = allocated(threadId);
            this.deadlineNanos = deadlineNanos;
            this.allocationLimit = allocationLimit;
        }

        Stop stopped() {
            return stopped.get();
        }

        long deadlineNanos() {
            return deadlineNanos;
        }

        private void check(long now) {
            Stop reason = null;
            if (now - deadlineNanos >= 0) {
                reason = Stop.DEADLINE;
            } else if (startAllocated >= 0 && allocated(threadId) - startAllocated > allocationLimit) {
                reason = Stop.ALLOCATION;
            }
            if (reason != null && stopped.compareAndSet(null, reason)) {
                owner.active.remove(this);
                context.close(true);
            }
        }

        @Override
        public void close() {
            owner.active.remove(this);
        }
    }

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private final Set<Watch> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "callsign-idp-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    /** The polling task while anything is watched, else null; guarded by {@code this}. */
    private ScheduledFuture<?> polling;

    /** Starts watching the calling thread's work in {@code context}. */
    Watch watch(Context context, long deadlineNanos, long allocationLimit) {
        Watch watch = new Watch(this, context, deadlineNanos, allocationLimit);
        synchronized (this) {
            active.add(watch);
            // Once closed, the sandbox has closed every context, and nothing is left to stop.
            if (polling == null && !poller.isShutdown()) {
                polling = poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        return watch;
    }

    /** Whether the watchdog is polling: from the first watch until a poll finds none left. */
    synchronized boolean polling() {
        return polling != null;
    }

    /** Whether per-thread allocation can be measured on this JVM (otherwise only deadlines apply). */
    static boolean measuresAllocation() {
        return THREADS != null;
    }

    private void poll() {
        long now = System.nanoTime();
        for (Watch watch : active) {
            try {
                watch.check(now);
            } catch (RuntimeException e) {
                // A context that is already closing; nothing else to do for it.
            }
        }
        synchronized (this) {
            // A watch added since the loop above keeps the task: both sides hold the lock.
            if (active.isEmpty() && polling != null) {
                polling.cancel(false);
                polling = null;
            }
        }
    }

    private static long allocated(long threadId) {
        return THREADS == null ? -1 : THREADS.getThreadAllocatedBytes(threadId);
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean
                && bean.isThreadAllocatedMemorySupported()) {
            bean.setThreadAllocatedMemoryEnabled(true);
            return bean;
        }
        return null;
    }

    @Override
    public synchronized void close() {
        poller.shutdownNow();
        polling = null;
    }
}
