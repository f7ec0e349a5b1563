package org.callsign.signaling.push.service;

import java.time.Duration;

/** Where pushes wait for a sending thread. */
public interface PushQueue {

    /**
     * Runs {@code task} on a sending thread after {@code delay}; false, and nothing runs, when the queue is full. Never
     * blocks.
     */
    boolean submit(Duration delay, Runnable task);
}
