package org.callsign.signaling.push.service;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.callsign.signaling.config.SignalingConfig;

/**
 * The threads that send pushes: {@code push.send-threads} of them, and at most {@code push.queue} pushes and retries
 * waiting (a retry waits here for its back-off instead of holding a thread). A full queue refuses at once: the
 * caller, who is ringing a call, never waits for a push service.
 */
@Singleton
public class PushExecutor implements PushQueue {

    private final ScheduledThreadPoolExecutor executor;
    private final Semaphore waiting;

    PushExecutor(SignalingConfig config) {
        this.waiting = new Semaphore(config.push().queue());
        this.executor = new ScheduledThreadPoolExecutor(config.push().sendThreads(), threads());
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public boolean submit(Duration delay, Runnable task) {
        if (!waiting.tryAcquire()) {
            return false;
        }
        try {
            executor.schedule(
                    () -> {
                        waiting.release();
                        task.run();
                    },
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            waiting.release();
            return false;
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "push-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
