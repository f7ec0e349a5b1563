package org.callsign.signaling.cluster.service;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs its tasks one at a time, in the order they were given, on a shared pool: the frames of one link (or the events
 * between nodes) are handled in order without a thread of their own.
 *
 * <p>{@link #offer} bounds what waits: each task there carries a weight (a frame's length), and a task that would take
 * the waiting weight past the limit is refused, so that a link whose frames arrive faster than the pool runs them
 * cannot hold an unbounded amount of memory; its owner then ends it. {@link #execute} is never refused (for the few
 * tasks that must run, such as a link's end).
 */
public final class SerialExecutor implements Executor {
    private static final Logger LOG = Logger.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final long maxWaitingWeight;
    private final Queue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong waitingWeight = new AtomicLong();

    /** Without a limit on what waits. */
    public SerialExecutor(Executor pool) {
        this(pool, Long.MAX_VALUE);
    }

    /** {@code maxWaitingWeight}: the most weight that tasks given to {@link #offer} may add up to while they wait. */
    public SerialExecutor(Executor pool, long maxWaitingWeight) {
        if (maxWaitingWeight < 0) {
            throw new IllegalArgumentException("maxWaitingWeight must not be negative: " + maxWaitingWeight);
        }
        this.pool = pool;
        this.maxWaitingWeight = maxWaitingWeight;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(new Task(task, 0));
        schedule();
    }

    /**
     * Queues {@code task} unless the tasks waiting, with it, would weigh more than the limit; returns whether it was
     * queued. A refused task is not run.
     */
    public boolean offer(Runnable task, long weight) {
        if (weight < 0) {
            throw new IllegalArgumentException("weight must not be negative: " + weight);
        }
        long waiting = waitingWeight.addAndGet(weight);
        if (waiting > maxWaitingWeight) {
            waitingWeight.addAndGet(-weight);
            return false;
        }
        tasks.add(new Task(task, weight));
        schedule();
        return true;
    }

    /** The weight of the tasks that wait (given to {@link #offer} and not yet started). */
    public long waitingWeight() {
        return waitingWeight.get();
    }

    private void schedule() {
        if (!tasks.isEmpty() && running.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Task task;
            while ((task = tasks.poll()) != null) {
                waitingWeight.addAndGet(-task.weight);
                try {
                    task.runnable.run();
                } catch (RuntimeException e) {
                    LOG.error("a cluster task failed", e);
                }
            }
        } finally {
            running.set(false);
            schedule(); // a task added after the last poll
        }
    }

    private record Task(Runnable runnable, long weight) {}
}
